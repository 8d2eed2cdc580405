// An async script that does nothing: what any script tag costs the page (fetch, compile, the load event's wait).
