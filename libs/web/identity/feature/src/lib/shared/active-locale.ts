import { inject, Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { DEFAULT_LOCALE } from '@kengash/contracts';
import { TranslateService } from '@ngx-translate/core';
import { map } from 'rxjs';

/** The UI language as a signal (the shell drives the translate service). Injection context only. */
export function injectActiveLocale(): Signal<string> {
  const translate = inject(TranslateService);
  return toSignal(translate.onLangChange.pipe(map((event) => event.lang)), {
    initialValue: translate.getCurrentLang() || DEFAULT_LOCALE,
  });
}
