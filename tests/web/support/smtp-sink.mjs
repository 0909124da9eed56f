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

// The decoded text of a mail: each MIME part (or the single body) decoded by its own
// Content-Transfer-Encoding (quoted-printable or base64, as nuitee's mailer writes them).
export function mailText(raw) {
  const decode = (headers, body) => {
    if (/Content-Transfer-Encoding:\s*base64/i.test(headers)) {
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    }
    if (/Content-Transfer-Encoding:\s*quoted-printable/i.test(headers)) {
      const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, "latin1").toString("utf8");
    }
    return body;
  };
  const split = (text) => {
    const blank = text.search(/\r?\n\r?\n/);
    return blank < 0 ? [text, ""] : [text.slice(0, blank), text.slice(blank).replace(/^\r?\n\r?\n/, "")];
  };
  const [headers, body] = split(raw);
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers)?.[1];
  if (!boundary) return decode(headers, body);
  return body.split(`--${boundary}`).slice(1)
    .filter((part) => !part.startsWith("--"))
    .map((part) => {
      const [partHeaders, partBody] = split(part.replace(/^\r?\n/, ""));
      return decode(partHeaders, partBody);
    })
    .join("\n");
}
