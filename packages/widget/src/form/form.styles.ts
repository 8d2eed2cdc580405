import { css } from 'lit';
import { fieldStyles } from '../styles/field.styles.js';

export const formStyles = [
  fieldStyles,
  css`
    :host(:not([in-dialog])) {
      background: var(--_surface) !important;
      border: 1px solid var(--_border) !important;
      border-radius: var(--_radius) !important;
      padding: 16px 20px !important;
    }
    form {
      display: grid;
      gap: 14px;
    }
    .check {
      display: flex;
      gap: 8px;
      align-items: center;
      font-weight: 400;
    }
    [type='checkbox'] {
      width: 24px;
      height: 24px;
      flex: none;
      margin: 0;
      accent-color: var(--_accent);
    }
    [aria-invalid='true'] {
      border-color: var(--_danger);
      box-shadow: 0 0 0 1px var(--_danger);
    }
    .disclosure {
      color: var(--_muted);
      font-size: 0.9rem;
    }
    .disclosure summary {
      cursor: pointer;
      min-height: 24px;
      color: var(--_text);
    }
    .disclosure ul {
      margin: 6px 0 0;
      padding-inline-start: 20px;
    }
    .hint {
      display: flex;
      justify-content: space-between;
      gap: 8px;
      font-size: 0.85rem;
      color: var(--_muted);
    }
    .error {
      margin: 0;
    }
    #counter {
      white-space: nowrap;
    }
    .identity {
      margin: 0;
      color: var(--_muted);
    }
    .honeypot {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    [aria-disabled='true'] {
      opacity: 0.7;
      cursor: progress;
    }
  `,
];
