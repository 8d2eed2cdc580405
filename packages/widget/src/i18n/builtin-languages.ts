// Adds English and German to the built-in tables (the npm build; the script tag loads one of them).
import { de } from './de.js';
import { en } from './en.js';
import { addLanguage } from './translations.js';

addLanguage('en', en);
addLanguage('de', de);
