// The delivery thread.
#include "mailer/mail_delivery_loop.hpp"

namespace nuitee::mailer {

MailDeliveryLoop::MailDeliveryLoop(MailDelivery& delivery, MailTransport& transport,
                                   std::chrono::milliseconds poll, ErrorSink on_error)
    : delivery_(delivery), transport_(transport), poll_(poll), on_error_(std::move(on_error)) {}

MailDeliveryLoop::~MailDeliveryLoop() { Stop(); }

void MailDeliveryLoop::Start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { Run(); });
}

void MailDeliveryLoop::Wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_one();
}

void MailDeliveryLoop::Stop() {
  {
    std::lock_guard lock(mutex_);
    if (!thread_.joinable()) return;
    stopping_ = true;
  }
  transport_.Abort();
  wake_.notify_one();
  thread_.join();
}

void MailDeliveryLoop::Run() {
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      woken_ = false;
    }
    // A database that is down is reported and tried again at the next poll, like a relay.
    if (auto delivered = delivery_.DeliverDue(); !delivered && on_error_) {
      on_error_(delivered.error());
    }
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, poll_, [this] { return stopping_ || woken_; });
    if (stopping_) return;
  }
}

}  // namespace nuitee::mailer
