export { HearkenError, isHearkenError, type HearkenErrorName } from './hearken-error.js';
export { HttpError, isHttpError } from './http-error.js';
export { NetworkError, isNetworkError } from './network-error.js';
export { TimeoutError, isTimeoutError } from './timeout-error.js';
export { ValidationError, isValidationError } from './validation-error.js';
export { BeforeSendError, isBeforeSendError } from './before-send-error.js';
