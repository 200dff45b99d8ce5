import { Routes } from '@angular/router';
import { CouncilHomeComponent } from './council-home/council-home.component';

/** Routes of the council area, mounted lazily by the shell at `''`. */
export const councilRoutes: Routes = [{ path: '', component: CouncilHomeComponent }];
