import { EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { AuthService } from './auth.service';

/**
 * Starts restoring the session from the refresh cookie as the app boots, without holding up the
 * first render (guards wait for it). Add `authInterceptor` to `provideHttpClient` as well.
 */
export function provideAuth(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(() => {
      void inject(AuthService).whenReady();
    }),
  ]);
}
