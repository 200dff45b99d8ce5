import { Component } from '@angular/core';

@Component({
  selector: 'kg-web-council-data-access',
  imports: [],
  templateUrl: './web-council-data-access.html',
  styleUrl: './web-council-data-access.css',
})
export class WebCouncilDataAccess {}
