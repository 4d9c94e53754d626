/** A message in both languages (the surface picks one). */
export interface Message {
  vi: string;
  en: string;
}

export const pick = (m: Message, lang: 'vi' | 'en'): string => (lang === 'en' ? m.en : m.vi);
