// "Masuk" / "Sign in": paste an API token, optionally remember it on this device. The token is checked by
// asking the API who it belongs to (`me`) before anything else loads; a wrong token gets a clear message.
import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { useMessages } from '../../shared/i18n';
import { sharedMessages } from '../../shared/messages';
import { LanguageSwitch } from '../LanguageSwitch';
import { useAppState } from '../navigation';
import { authMessages, type AuthMessages } from './messages';
import { cleanToken, isWellFormedToken } from './token-store';
import './auth.css';

/** What became of a sign-in attempt. */
export type SignInOutcome = { kind: 'ok' } | { kind: 'rejected' } | { kind: 'unreachable'; message: string };

export interface SignInScreenProps {
  /** Why the screen is shown: the session ended (token no longer valid) or the user signed out. */
  notice: 'expired' | 'signed-out' | null;
  signIn: (token: string, remember: boolean) => Promise<SignInOutcome>;
}

type FormError = 'empty' | 'malformed' | 'rejected' | { unreachable: string };

function errorText(t: AuthMessages, error: FormError): string {
  if (error === 'empty') return t.errorEmpty;
  if (error === 'malformed') return t.errorMalformed;
  if (error === 'rejected') return t.errorRejected;
  return t.errorNetwork(error.unreachable);
}

export function SignInScreen({ notice, signIn }: SignInScreenProps) {
  const t = useMessages(authMessages);
  const shared = useMessages(sharedMessages);
  const { lang } = useAppState();
  const [token, setToken] = useState('');
  const [remember, setRemember] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const rememberHintId = useId();

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t.signInTitle} · DTSEN Atlas`;
  }, [lang, t]);

  useEffect(() => {
    input.current?.focus();
  }, []);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (pending) return;
    const cleaned = cleanToken(token);
    const problem: FormError | null = cleaned === '' ? 'empty' : isWellFormedToken(cleaned) ? null : 'malformed';
    if (problem) {
      setError(problem);
      input.current?.focus();
      return;
    }
    setPending(true);
    setError(null);
    const outcome = await signIn(cleaned, remember);
    // On success the gate replaces this screen; nothing more to do here.
    if (outcome.kind === 'ok') return;
    setPending(false);
    setError(outcome.kind === 'rejected' ? 'rejected' : { unreachable: outcome.message });
    input.current?.focus();
    input.current?.select();
  };

  return (
    <div className="app signin">
      <header className="app-header">
        <div className="app-header__inner">
          <h1 className="app-header__title">DTSEN Atlas</h1>
          <p className="app-header__subtitle">{shared.appSubtitle}</p>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="app-main signin__main">
        <section className="panel signin__card" aria-labelledby={`${inputId}-title`} data-testid="sign-in">
          <h2 id={`${inputId}-title`}>{t.signInTitle}</h2>
          {notice && (
            <p className="signin__notice" role="status">
              {notice === 'expired' ? t.expired : t.signedOut}
            </p>
          )}
          <p className="signin__intro">{t.signInIntro}</p>
          <p className="signin__hint">
            {t.tokenSource} <code>pnpm dtsen user add</code>. {t.tokenSourceDev}
          </p>
          <form className="signin__form" onSubmit={(event) => void submit(event)} noValidate>
            <label htmlFor={inputId}>{t.tokenLabel}</label>
            <input
              ref={input}
              id={inputId}
              name="token"
              type="password"
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="off"
              value={token}
              onChange={(event) => setToken(event.target.value)}
              aria-invalid={error !== null && error !== 'empty' ? true : undefined}
              aria-describedby={error ? `${errorId} ${hintId}` : hintId}
              disabled={pending}
            />
            <p id={hintId} className="signin__hint">
              {t.tokenHint}
            </p>
            <label className="signin__remember">
              <input
                type="checkbox"
                checked={remember}
                onChange={(event) => setRemember(event.target.checked)}
                aria-describedby={rememberHintId}
                disabled={pending}
              />
              {t.remember}
            </label>
            <p id={rememberHintId} className="signin__hint">
              {t.rememberHint}
            </p>
            {error && (
              <p id={errorId} className="signin__error" role="alert">
                {errorText(t, error)}
              </p>
            )}
            <button type="submit" className="button signin__submit" disabled={pending} aria-busy={pending || undefined}>
              {pending ? t.checking : t.submit}
            </button>
          </form>
        </section>
      </main>
    </div>
  );
}
