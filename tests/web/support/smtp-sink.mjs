// A minimal SMTP server on loopback that keeps every mail it receives in memory, so that a test
// can wait for the mail the portal's action sent (RFC 5321's commands as nuitee's libcurl client
// uses them; no TLS: the server is started with NUITEE_SMTP_STARTTLS=optional).
import net from "node:net";

export async function startSmtpSink() {
  const mails = [];
  const waiters = new Set();
  const server = net.createServer((socket) => {
    socket.setEncoding("utf8");
    let buffer = "";
    let inData = false;
    let envelope = { from: null, to: [] };
    let data = [];
    const reply = (line) => socket.write(`${line}\r\n`);
    reply("220 nuitee-test-sink ESMTP");
    socket.on("data", (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            const mail = { from: envelope.from, to: envelope.to, raw: data.join("\r\n") };
            mails.push(mail);
            for (const waiter of waiters) waiter();
            envelope = { from: null, to: [] };
            data = [];
            reply("250 OK: queued");
          } else {
            data.push(line.startsWith("..") ? line.slice(1) : line);
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") { socket.write("250-nuitee-test-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"); }
        else if (verb === "HELO") reply("250 nuitee-test-sink");
        else if (verb === "MAIL") { envelope.from = line.replace(/^MAIL FROM:\s*/i, ""); reply("250 OK"); }
        else if (verb === "RCPT") { envelope.to.push(line.replace(/^RCPT TO:\s*/i, "").replace(/[<>]/g, "").split(" ")[0]); reply("250 OK"); }
        else if (verb === "DATA") { inData = true; reply("354 End data with <CR><LF>.<CR><LF>"); }
        else if (verb === "RSET") { envelope = { from: null, to: [] }; data = []; reply("250 OK"); }
        else if (verb === "NOOP") reply("250 OK");
        else if (verb === "QUIT") { reply("221 Bye"); socket.end(); }
        else reply("502 Command not implemented");
      }
    });
    socket.on("error", () => {});
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: server.address().port,
    mails,
    // The first mail (already received or to come) for which `predicate` holds.
    waitFor(predicate, timeoutMs = 20000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = mails.find(predicate);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no such mail within ${timeoutMs} ms (${mails.length} received: ${mails.map((m) => m.to.join(",")).join(" ; ")})`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// The decoded text of a mail (quoted-printable or base64 parts, as nuitee's mailer writes them).
export function mailText(raw) {
  const unfolded = raw.replace(/=\r\n/g, "");
  const parts = unfolded.split(/\r\n\r\n/);
  let text = "";
  for (let i = 1; i < parts.length; i++) {
    const headers = parts[i - 1];
    let body = parts[i];
    if (/Content-Transfer-Encoding:\s*base64/i.test(headers)) {
      try { body = Buffer.from(body.replace(/\r\n/g, ""), "base64").toString("utf8"); } catch { /* keep */ }
    } else if (/Content-Transfer-Encoding:\s*quoted-printable/i.test(headers)) {
      body = Buffer.from(body.replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8");
    }
    text += `${body}\n`;
  }
  return text;
}
