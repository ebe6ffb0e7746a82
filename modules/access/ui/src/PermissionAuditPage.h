#pragma once

#include "mdp/audit/AuditEvent.h"
#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"

#include <QJsonObject>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QTableWidget;

namespace mdp::workspace {
class AccessDesk;
}

namespace mdp::access::ui {

// The permission audit (issue 12; ), for system administrators and auditors: every account of
// the site with its roles, its grants in force, ended and revoked, and its requests by outcome; the full
// grant history (subject, request, project, ceiling, window, approvers, revocation). Read from the site
// server (GET /v1/access/audit, itself audited there); exported as CSV or a PDF report, each export
// recorded in this workstation's trail.
class PermissionAuditPage : public QWidget
{
    Q_OBJECT
public:
    using Recorder = std::function<Result<void>(audit::AuditEvent)>;
    PermissionAuditPage(workspace::AccessDesk &desk, const Clock &clock, Recorder record,
                        QWidget *parent = nullptr);

    // Reads the audit from the server again; false (with the reason shown) when it could not.
    bool refresh();
    // The two tables as CSV (UTF-8 with a byte-order mark, for spreadsheets), and as a PDF report.
    Result<void> exportCsv(const QString &path);
    Result<void> exportPdf(const QString &path);

    QTableWidget *usersTable() const { return m_users; }
    QTableWidget *grantsTable() const { return m_grants; }
    QLineEdit *filterEdit() const { return m_filter; }
    QLabel *messageLabel() const { return m_message; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void fill();
    QString csv() const;
    QString html() const;
    void noteExport(const QString &format, const QString &path);

    workspace::AccessDesk &m_desk;
    const Clock &m_clock;
    Recorder m_record;
    QJsonObject m_audit;
    bool m_loaded = false;
    QLineEdit *m_filter = nullptr;
    QTableWidget *m_users = nullptr;
    QTableWidget *m_grants = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace mdp::access::ui
