// The documented queueing snippet, then calls made before hearken.js has loaded.
window.Hearken = window.Hearken || { q: [] };
['open', 'close', 'identify', 'send', 'on'].forEach((m) => (window.Hearken[m] = window.Hearken[m] || ((...a) => new Promise((r, j) => window.Hearken.q.push([m, a, r, j])))));
window.Hearken.identify({ id: 'e7', name: 'Max Mustermann', department: 'Facilities' });
window.earlySend = window.Hearken.send({ message: 'Sent before the script loaded', category: 'process' });
