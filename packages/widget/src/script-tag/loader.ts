// hearken.js: the classic script a site pastes. It checks its data-endpoint and imports the launcher
// module beside it, which shows the launcher at once; everything else loads later, on intent.
const script = document.currentScript as HTMLScriptElement | null;
const endpoint = script?.dataset.endpoint;
let valid = false;
try {
  valid = Boolean(endpoint) && /^https?:$/.test(new URL(endpoint!, location.href).protocol);
} catch {}
if (!valid) {
  console.error(`Hearken: no widget, data-endpoint must be the feedback URL (https://…); got ${endpoint ? `"${endpoint}"` : 'none'}.`);
} else {
  import(new URL('hearken-launcher.js', script!.src).href).then(
    (launcher: typeof import('./launcher-entry.js')) => launcher.start({ ...script!.dataset }),
    (error) => console.error('Hearken:', error),
  );
}
