#include "ServerStatusText.h"

#include "mdp/workbench/Theme.h"

#include <QLocale>

#include <algorithm>
#include <climits>

namespace mdp::net::ui {

using State = workspace::ServerStatus::State;

QString ServerStatusText::stateName(State state)
{
    switch (state) {
    case State::NotConfigured:
        return tr("Not configured");
    case State::Connecting:
        return tr("Connecting…");
    case State::Connected:
        return tr("Connected");
    case State::Unreachable:
        return tr("Offline");
    case State::CertificateRefused:
        return tr("Certificate refused");
    case State::AuditRefused:
        return tr("Audit refused");
    }
    return {};
}

QString ServerStatusText::explanation(State state)
{
    switch (state) {
    case State::NotConfigured:
        return tr("No central server is configured: this workstation works on its own.");
    case State::Connecting:
        return tr("Connecting to the central server…");
    case State::Connected:
        return tr("Connected to the central server. The audit trail is sent to it as it grows.");
    case State::Unreachable:
        return tr("The central server cannot be reached. Work continues offline; changes wait in the queue "
                  "and are sent when the server answers again.");
    case State::CertificateRefused:
        return tr("The central server refused this workstation's certificate: it was revoked or has "
                  "expired. Ask the administrator for a new workstation certificate.");
    case State::AuditRefused:
        return tr("The central server refused this workstation's audit trail: it does not continue what "
                  "the server already holds (cut or rewritten), and the server has reported it. Ask the "
                  "security officer to compare the two before anything else is changed.");
    }
    return {};
}

workbench::Severity ServerStatusText::severity(State state)
{
    switch (state) {
    case State::NotConfigured:
    case State::Connecting:
        return workbench::Severity::Info;
    case State::Connected:
        return workbench::Severity::Success;
    case State::Unreachable:
        return workbench::Severity::Warning;
    case State::CertificateRefused:
    case State::AuditRefused:
        return workbench::Severity::Error;
    }
    return workbench::Severity::Info;
}

QColor ServerStatusText::color(State state)
{
    switch (state) {
    case State::NotConfigured:
        return workbench::Theme::muted();
    case State::Connecting:
        return workbench::Theme::accent();
    case State::Connected:
        return workbench::Theme::good();
    case State::Unreachable:
        return workbench::Theme::warning();
    case State::CertificateRefused:
    case State::AuditRefused:
        return workbench::Theme::bad();
    }
    return workbench::Theme::muted();
}

QString ServerStatusText::expiryWarning(const QDateTime &expires, const QDateTime &now)
{
    if (!expires.isValid() || !now.isValid())
        return {};
    if (expires <= now)
        return tr("The workstation certificate expired on %1: the server refuses it. Renew it with "
                  "`mdp pki renew` and import the new certificate here.")
            .arg(workbench::formatDateTime(expires));
    const qint64 seconds = now.secsTo(expires);
    if (seconds >= qint64(kRenewalDays) * 86400)
        return {};
    // Whole days left, rounded up: "in 1 day" until the last second.
    const int days = int((seconds + 86399) / 86400);
    return tr("The workstation certificate expires on %1, in %n day(s). Renew it with `mdp pki renew` "
              "and import the new certificate here.",
              nullptr, days)
        .arg(workbench::formatDateTime(expires));
}

QString ServerStatusText::auditSummary(const workspace::ServerStatus &status)
{
    const QLocale locale;
    if (status.auditWitnessed <= 0)
        return tr("%1 events here; none witnessed by the server yet")
            .arg(locale.toString(status.auditEvents));
    const QString summary =
        tr("%1 events here; %2 witnessed by the server")
            .arg(locale.toString(status.auditEvents), locale.toString(status.auditWitnessed));
    if (!status.witnessedAt.isValid())
        return summary;
    return tr("%1 (%2)").arg(summary, workbench::formatDateTime(status.witnessedAt));
}

QString ServerStatusText::syncSummary(const workspace::ServerStatus &status)
{
    if (!status.syncEnabled)
        return tr("off (no site key: records stay on this workstation)");
    const QLocale locale;
    QString summary = status.syncPending > 0 ? tr("%n change(s) waiting to be sent", nullptr,
                                                  int(std::min<qint64>(status.syncPending, INT_MAX)))
                                             : tr("up to date");
    if (status.syncConflicts > 0) {
        summary += QLatin1String("; ") +
                   tr("%n conflict(s): changed here and on another workstation; the other's version is kept",
                      nullptr, int(std::min<qint64>(status.syncConflicts, INT_MAX)));
        if (!status.syncMessage.trimmed().isEmpty())
            summary += QLatin1String(" (") + status.syncMessage.trimmed() + QLatin1Char(')');
    }
    if (status.syncParked > 0)
        summary += QLatin1String("; ") +
                   tr("%n patient change(s) from the site waiting for someone who may see identity to "
                      "sign in here",
                      nullptr, int(std::min<qint64>(status.syncParked, INT_MAX)));
    if (status.revokedCertificates >= 0)
        summary += QLatin1String("; ") + tr("%n certificate(s) revoked on the site's signed list", nullptr,
                                            int(std::min<qint64>(status.revokedCertificates, INT_MAX)));
    return summary;
}

QString ServerStatusText::details(const workspace::ServerStatus &status)
{
    const QString text = explanation(status.state);
    // The link's own words explain a failure; in the other states they are an old error's.
    const bool failed = status.state == State::Unreachable || status.state == State::CertificateRefused ||
                        status.state == State::AuditRefused;
    if (!failed || status.message.trimmed().isEmpty())
        return text;
    return text + QLatin1Char('\n') + tr("Details: %1").arg(status.message.trimmed());
}

} // namespace mdp::net::ui
