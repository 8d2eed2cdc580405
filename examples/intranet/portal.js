// The portal's own script. It knows who is signed in (here: a fixed demo user; in a real portal,
// from the session), and hands that to Hearken. The two lines at the top are the documented
// queueing snippet: calls made before hearken.js has loaded wait, and run when it has.
window.Hearken = window.Hearken || { q: [] };
['open', 'close', 'identify', 'send', 'on'].forEach((m) => (window.Hearken[m] = window.Hearken[m] || ((...a) => new Promise((r, j) => window.Hearken.q.push([m, a, r, j])))));

const employee = { id: 'e1042', name: 'Jane Doe', email: 'jane.doe@northwind.example', department: 'Sales' };

// A session cookie, as an intranet would have; credentials: include sends it to the endpoint.
document.cookie = 'portal_session=demo-1042; path=/; SameSite=Lax';

window.Hearken.identify(employee);
document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('signed-in').textContent = `Signed in as ${employee.name} (${employee.department})`;
  // The inline form gets the same identity; setting it before the element is defined is fine.
  document.getElementById('it-form').user = employee;
});
