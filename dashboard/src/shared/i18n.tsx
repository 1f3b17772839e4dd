// Bahasa Indonesia by default, English on request (`lang=en` in the URL). Messages are plain data kept
// next to the feature that shows them; `defineMessages` makes the compiler check that the English table
// has exactly the Indonesian keys and the same argument shapes. Numbers stay in id-ID format in both.
import { useAppState } from '../app/navigation';
import type { Lang } from '../app/url-state';

type Message = string | ((...args: never[]) => string);
export type Messages = Readonly<Record<string, Message>>;

export interface MessageTables<T extends Messages> {
  id: T;
  en: { readonly [K in keyof T]: T[K] };
}

export function defineMessages<T extends Messages>(id: T, en: { readonly [K in keyof T]: T[K] }): MessageTables<T> {
  return { id, en };
}

/** The current language, from the URL. */
export function useLang(): Lang {
  return useAppState().lang;
}

/** The message table of the current language. */
export function useMessages<T extends Messages>(tables: MessageTables<T>): T {
  return useLang() === 'en' ? tables.en : tables.id;
}
