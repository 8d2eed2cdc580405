import { css } from 'lit';
import { fieldStyles } from '../styles/field.styles.js';

export const ratingStyles = [
  fieldStyles,
  css`
    .options {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      margin-top: 6px;
    }
    [role='radio'] {
      min-width: 36px;
      min-height: 36px;
      padding: 2px 6px;
      border: 1px solid var(--_border);
      border-radius: 8px;
      background: var(--_field);
      color: var(--_text);
      font-size: 1.15rem;
    }
    [aria-checked='true'] {
      border-color: var(--_accent);
      background: var(--_accent);
      color: var(--_on-accent);
    }
    .stars [role='radio'] {
      border: 0;
      background: none;
      color: var(--_muted);
      font-size: 1.6rem;
    }
    .stars .on {
      color: var(--_accent);
    }
    .ends {
      display: flex;
      justify-content: space-between;
      font-size: 0.8rem;
      color: var(--_muted);
    }
    textarea,
    .primary {
      margin-block: 8px;
    }
  `,
];
