// Remembers the user's light/dark choice in this browser.
const key = "symx.theme";
export function load() { return localStorage.getItem(key); }
export function save(value) { localStorage.setItem(key, value); }
