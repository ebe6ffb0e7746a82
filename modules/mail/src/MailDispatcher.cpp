#include "mdp/mail/MailDispatcher.h"

#include "MailLogging.h"
#include "mdp/forms/FormStore.h"
#include "mdp/mail/SmtpClient.h"

namespace mdp::mail {

MailDispatcher::MailDispatcher(forms::FormStore &store, MailSettings settings, MailLanguage language)
    : m_store(store)
    , m_settings(std::move(settings))
    , m_language(language)
{}

Result<int> MailDispatcher::dispatchPending()
{
    m_lastError.clear();
    if (auto valid = m_settings.validate(); !valid)
        return valid.error();
    auto pending = m_store.pendingEmails();
    if (!pending)
        return makeError(
            pending.error().code,
            QStringLiteral("could not read the notices waiting for e-mail: %1").arg(pending.error().message));
    if (pending->isEmpty())
        return 0;

    SmtpClient client(m_settings);
    std::optional<Error> unreachable;
    int delivered = 0;
    const auto record = [&](const forms::Notification &notice, bool ok, const QString &error) {
        if (!ok)
            m_lastError = error;
        if (auto marked = m_store.markEmailed(notice.id, ok, error); !marked)
            qCWarning(lcMail).noquote() << "could not record the e-mail outcome of notice" << notice.id << ":"
                                        << marked.error().message;
    };

    for (const forms::FormStore::PendingEmail &item : std::as_const(*pending)) {
        const forms::Notification &notice = item.notification;
        if (unreachable) {
            record(notice, false, unreachable->message);
            continue;
        }
        if (!isPlainMailAddress(item.address)) {
            record(notice, false, QStringLiteral("the recipient has no usable e-mail address"));
            continue;
        }
        if (!client.isOpen()) {
            if (auto opened = client.open(); !opened) {
                unreachable = opened.error();
                record(notice, false, opened.error().message);
                continue;
            }
        }
        const MailMessage message =
            composeNoticeMail(notice, item.address, m_settings.fromAddress, m_language);
        if (auto sent = client.send(message); !sent) {
            record(notice, false, sent.error().message);
            continue;
        }
        record(notice, true, {});
        ++delivered;
    }
    client.close();
    qCInfo(lcMail) << "notices e-mailed:" << delivered << "of" << pending->size();
    return delivered;
}

} // namespace mdp::mail
