import { css } from 'lit';
import { fieldStyles } from '../styles/field.styles.js';

export const messagesStyles = [
  fieldStyles,
  css`
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 16px;
    }
    article {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 12px 14px;
      display: grid;
      gap: 10px;
    }
    h3 {
      margin: 0;
      font-size: 1rem;
      overflow-wrap: anywhere;
    }
    .meta,
    time {
      color: var(--_muted);
      font-size: 0.875rem;
    }
    .replies li {
      border-inline-start: 3px solid var(--_border);
      padding-inline-start: 10px;
    }
    .replies .team {
      border-color: var(--_accent);
    }
    .replies p {
      margin: 4px 0 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .author {
      font-weight: 600;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .secondary {
      min-height: 44px;
      padding: 8px 14px;
      border: 1px solid var(--_border);
      border-radius: 8px;
      background: none;
      color: var(--_text);
    }
  `,
];
