export const dialogStyles = `dialog{width:min(100vw - 16px,var(--hearken-dialog-width,440px));max-height:min(100dvh - 16px,720px);padding:0;border:1px solid var(--_border);border-radius:var(--_radius);background:var(--_surface);color:var(--_text);box-shadow:0 12px 40px #0005;overflow:auto}
dialog::backdrop{background:#10121880}
header{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:12px 12px 0 20px}
h2{margin:0;font-size:1.15rem}
.close{border:0;background:none;color:inherit;font-size:1.5rem;width:40px;height:40px;border-radius:8px;line-height:1}
.body{padding:8px 20px 20px}
.body[hidden],.messages-toggle[hidden]{display:none}
.messages-toggle{margin-inline-start:auto;border:1px solid var(--_border);background:none;color:inherit;border-radius:8px;padding:6px 10px;min-height:40px}`;
