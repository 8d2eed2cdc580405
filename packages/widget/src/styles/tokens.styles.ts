/**
 * Design tokens on `:host`: each public `--hearken-*` custom property feeds a private `--_*` one,
 * whose default (`--h-*`) the theme sets: light, dark, or `auto` (follows `prefers-color-scheme`).
 * `!important` on `:host` wins over any page rule (also `* { all: unset }`): shadow-DOM cascade order.
 * Nothing moves (no transitions or animations), so `prefers-reduced-motion` has nothing to turn off.
 */
const colors = ['accent', 'on-accent', 'surface', 'text', 'muted', 'border', 'danger', 'success', 'field'];
const light = ['#3451b2', '#fff', '#fff', '#1c1d22', '#555866', '#858899', '#b3261e', '#1b6e36', '#fff'];
const dark = ['#9db2ff', '#0e1230', '#1d1f27', '#eceef4', '#b4b8c5', '#80849a', '#ffa69e', '#86dfa0', '#14151b'];
const defaults = (values: string[], scheme: string) => colors.map((name, i) => `--h-${name}:${values[i]};`).join('') + `color-scheme:${scheme}`;

export const tokens = `:host{all:initial!important;${colors.map((name) => `--_${name}:var(--hearken-color-${name},var(--h-${name}));`).join('')}${defaults(light, 'light')};--_radius:var(--hearken-radius,10px);--_font:var(--hearken-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);font:15px/1.45 var(--_font)!important;color:var(--_text)!important}
:host([theme=dark]){${defaults(dark, 'dark')}}
@media (prefers-color-scheme:dark){:host([theme=auto]){${defaults(dark, 'dark')}}}
*,::before,::after{box-sizing:border-box}
:focus-visible{outline:3px solid var(--_accent);outline-offset:2px}
button{font:inherit;cursor:pointer;min-height:24px;min-width:24px}`;
