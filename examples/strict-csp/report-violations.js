// Counts Content-Security-Policy violations, so a person (or a test) can see there are none.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI}`);
  const counter = document.getElementById('violations');
  if (counter) counter.textContent = String(window.cspViolations.length);
});
