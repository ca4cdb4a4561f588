// Shared by the browser scripts: Debian's Chromium started the way this
// machine needs (no sandbox as root, no background networking), and a small
// check reporter that ends with "N passed, M failed".
import { chromium } from "playwright-core";

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--disable-quic"],
  });
}

export function reporter(label) {
  const results = [];
  const check = (name, ok, detail = "") => {
    results.push(ok);
    console.log(`${ok ? "ok  " : "FAIL"} ${name}${ok ? "" : ": " + detail}`);
  };
  const finish = () => {
    const passed = results.filter(Boolean).length;
    const failed = results.length - passed;
    console.log(`${label}: ${passed} passed, ${failed} failed`);
    return failed ? 1 : 0;
  };
  return { check, finish };
}
