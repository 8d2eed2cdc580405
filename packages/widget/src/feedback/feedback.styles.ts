import { tokens } from '../styles/tokens.styles.js';

export const feedbackStyles = `${tokens}
:host{position:fixed!important;z-index:var(--hearken-z-index,2147483000)!important;inset:auto 16px 16px auto!important;display:flex!important;gap:4px;align-items:center}
:host([position=bottom-left]){inset:auto auto 16px 16px!important}
:host([position=top-right]){inset:16px 16px auto auto!important}
:host([position=top-left]){inset:16px auto auto 16px!important}
.launcher{display:inline-flex;align-items:center;gap:8px;padding:10px 16px;border:0;border-radius:999px;background:var(--_accent);color:var(--_on-accent);font-weight:600;box-shadow:0 4px 14px #0003}
.icon{position:relative;flex:none;width:18px;height:14px;margin:0 1px 4px;border-radius:3px;background:currentColor}
.icon::before{content:'';position:absolute;left:4px;top:4px;width:10px;height:2px;background:var(--_accent);box-shadow:0 4px 0 var(--_accent)}
.icon::after{content:'';position:absolute;left:3px;top:100%;border:solid;border-width:5px 5px 0 0;border-color:currentColor transparent transparent}
.minimize{border:1px solid var(--_border);border-radius:999px;background:var(--_surface);color:var(--_text);width:24px;height:24px;padding:0;line-height:1}
.badge{min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:var(--_on-accent);color:var(--_accent);font-size:.8rem;line-height:22px;text-align:center}
.badge[hidden]{display:none}
:host([minimized]) .launcher{padding:10px}
:host([minimized]) .label{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
:host([minimized]) .minimize{display:none}`;
