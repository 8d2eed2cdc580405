import { en } from '../i18n/en.js';
import { addLanguage } from '../i18n/languages.js';

addLanguage('en', en);
