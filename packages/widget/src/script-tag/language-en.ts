import { en } from '../i18n/en.js';
import { addLanguage } from '../i18n/translations.js';

addLanguage('en', en);
