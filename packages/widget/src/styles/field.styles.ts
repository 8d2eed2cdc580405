import { css, unsafeCSS } from 'lit';
import { tokens } from './tokens.styles.js';

/** Tokens plus what the form and the rating share: labels, fields, the main button, status lines. */
export const fieldStyles = css`
  ${unsafeCSS(tokens)}
  :host {
    display: block !important;
  }
  label,
  .label {
    display: block;
    font-weight: 600;
  }
  select,
  textarea,
  input[type='email'],
  input[type='text'] {
    width: 100%;
    min-height: 40px;
    font: inherit;
    color: var(--_text);
    background: var(--_field);
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 8px 10px;
    margin-top: 4px;
  }
  textarea {
    resize: vertical;
    min-height: 96px;
  }
  .primary {
    border: 0;
    border-radius: 8px;
    padding: 10px 20px;
    min-height: 44px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  .status {
    margin: 0;
  }
  .status:empty {
    display: none;
  }
  .sent,
  .queued {
    color: var(--_success);
    font-weight: 600;
    order: -1;
  }
  .failed,
  .error,
  .over {
    color: var(--_danger);
  }
`;
