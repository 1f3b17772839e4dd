// Bahasa Indonesia / English: links that change `lang` in the URL (the shell's header and the sign-in screen).
import { useMessages } from '../shared/i18n';
import { sharedMessages } from '../shared/messages';
import { hrefFor, onLinkClick, useAppState } from './navigation';

export function LanguageSwitch() {
  const t = useMessages(sharedMessages);
  const { lang } = useAppState();
  return (
    <div className="lang-switch" role="group" aria-label={t.languageLabel}>
      {(['id', 'en'] as const).map((code) => (
        <a
          key={code}
          href={hrefFor({ lang: code })}
          onClick={onLinkClick({ lang: code })}
          aria-current={lang === code ? 'true' : undefined}
          lang={code}
          hrefLang={code}
        >
          {code === 'id' ? 'Bahasa Indonesia' : 'English'}
        </a>
      ))}
    </div>
  );
}
