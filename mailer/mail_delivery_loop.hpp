// The delivery as a background thread of `nuitee serve`: it empties the outbox, then sleeps until
// the next poll or until woken (a mail was just queued), and stops promptly with the server.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "domain/core/error.hpp"
#include "mailer/mail_delivery.hpp"

namespace nuitee::mailer {

class MailDeliveryLoop {
 public:
  using ErrorSink = std::function<void(const Error&)>;
  // `poll` is the wait between two looks at the outbox when nothing wakes the loop.
  MailDeliveryLoop(MailDelivery& delivery, MailTransport& transport, std::chrono::milliseconds poll,
                   ErrorSink on_error = {});
  ~MailDeliveryLoop();
  MailDeliveryLoop(const MailDeliveryLoop&) = delete;
  MailDeliveryLoop& operator=(const MailDeliveryLoop&) = delete;

  void Start();
  // Looks at the outbox now instead of at the next poll.
  void Wake();
  // Aborts a send in progress (its mail is retried later) and joins the thread.
  void Stop();

 private:
  void Run();

  MailDelivery& delivery_;
  MailTransport& transport_;
  std::chrono::milliseconds poll_;
  ErrorSink on_error_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool woken_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace nuitee::mailer
