// How packages/widget/custom-elements.json is made from the elements' source and JSDoc, so that
// IDEs, framework tooling and docs/configuration.md read a manifest of the package as shipped:
// module paths of the built files, one `custom-element-definition` per tag (registered by
// `@hearken/widget/define`), every attribute and event typed, and no internal state.
const SOURCE = /^\/?packages\/widget\/src\/(.+)\.(?:ts|js)$/;

/** Type aliases of the public API spelled out, so tools that don't read TypeScript see the values. */
const ALIASES = {
  Audience: "'external' | 'internal'",
  Theme: "'light' | 'dark' | 'auto'",
  LauncherPosition: "'bottom-right' | 'bottom-left' | 'top-right' | 'top-left'",
  RatingScale: "'stars' | 'nps' | 'thumbs' | 'emoji'",
  RequestCredentials: "'omit' | 'same-origin' | 'include'",
};
const spell = (text) => text.replace(/\b[A-Z]\w+\b/g, (name) => ALIASES[name] ?? name);

/** The event classes, by event name (each class passes its name to `super`). */
const EVENT_CLASSES = {
  'hearken-open': 'HearkenOpenEvent',
  'hearken-close': 'HearkenCloseEvent',
  'hearken-submit': 'HearkenSubmitEvent',
  'hearken-sent': 'HearkenSentEvent',
  'hearken-queued': 'HearkenQueuedEvent',
  'hearken-error': 'HearkenErrorEvent',
};

function hearkenManifest() {
  /** Lit properties that are internal (`state: true`) or not attributes (`attribute: false`), by class. */
  const internal = new Map();
  return {
    name: 'hearken-manifest',
    analyzePhase({ ts, node }) {
      if (!ts.isPropertyDeclaration(node) || node.name.getText() !== 'properties' || !node.initializer || !ts.isObjectLiteralExpression(node.initializer)) return;
      const className = node.parent.name?.getText();
      const names = internal.get(className) ?? new Set();
      for (const property of node.initializer.properties) {
        const options = property.initializer?.getText() ?? '';
        if (/state:\s*true|attribute:\s*false/.test(options)) names.add(property.name.getText());
      }
      internal.set(className, names);
    },
    packageLinkPhase({ customElementsManifest: manifest }) {
      const definitions = [];
      for (const module of manifest.modules) {
        for (const declaration of module.declarations ?? []) {
          // DOM classes are globals, not modules of this package (the launcher's base is HTMLElement, or a stub on servers).
          if (['Event', 'HTMLElementOrStub'].includes(declaration.superclass?.name)) {
            declaration.superclass = { name: declaration.superclass.name === 'Event' ? 'Event' : 'HTMLElement', package: 'global:' };
          }
          if (!declaration.customElement) continue;
          const hidden = new Set([...(internal.get(declaration.name) ?? []), ...(internal.get(declaration.superclass?.name) ?? [])]);
          const isPrivate = (member) => member.privacy === 'private' || member.privacy === 'protected' || member.name.startsWith('#') || (hidden.has(member.name) && member.privacy !== 'public');
          declaration.members = (declaration.members ?? []).filter((member) => !isPrivate(member) && !/Callback$/.test(member.name));
          for (const member of declaration.members) if (member.type) member.type.text = spell(member.type.text);
          const members = new Map(declaration.members.map((member) => [member.name, member]));
          declaration.attributes = (declaration.attributes ?? []).filter((attribute) => !hidden.has(attribute.fieldName ?? attribute.name));
          for (const attribute of declaration.attributes) {
            const member = members.get(attribute.fieldName ?? attribute.name);
            if (member && !attribute.fieldName) attribute.fieldName = member.name;
            const type = attribute.type?.text ?? member?.type?.text ?? (attribute.name === 'minimized' ? 'boolean' : 'string');
            attribute.type = { text: spell(type).replace(/ \| (null|undefined)$/, '') };
          }
          declaration.events = (declaration.events ?? []).filter((event) => event.name && !(event.name === 'input' && !event.description));
          for (const event of declaration.events) event.type = { text: EVENT_CLASSES[event.name] ?? 'Event' };
          if (declaration.tagName) definitions.push({ kind: 'custom-element-definition', name: declaration.tagName, declaration: { name: declaration.name, module: module.path } });
        }
      }
      manifest.modules = manifest.modules.filter((module) => !/events\/event-init/.test(module.path));
      manifest.modules.push({ kind: 'javascript-module', path: 'packages/widget/src/define.ts', declarations: [], exports: definitions });
      // Paths of the files in the package, not of its sources.
      const rewrite = (value) => {
        if (typeof value === 'string') return value.replace(SOURCE, 'dist/$1.js');
        if (Array.isArray(value)) return value.map(rewrite);
        if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rewrite(inner)]));
        return value;
      };
      manifest.modules = rewrite(manifest.modules);
    },
  };
}

export default {
  globs: [
    'packages/widget/src/base/hearken-element.ts',
    'packages/widget/src/feedback/feedback.ts',
    'packages/widget/src/form/form.ts',
    'packages/widget/src/rating/rating.ts',
    'packages/widget/src/events/*-event.ts',
  ],
  outdir: 'packages/widget',
  litelement: true,
  plugins: [hearkenManifest()],
};
