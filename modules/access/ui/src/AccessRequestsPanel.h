#pragma once

#include "mdp/access/AccessRequest.h"
#include "mdp/workspace/SiteAccess.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace mdp::access::ui {

// Access requests at the site server (issue 12; R-6.3.1b, R-6.3.2, R-6.3.3, R-9.2): either the
// account's own requests with their status (withdraw one), or the inbox of what it may decide now
// (the ethics review and the approval steps that name it), keyboard driven like the reviewer inbox:
// A approves (passes ethics), R rejects, M asks for more information, F5 reads the list again. The
// server decides who may do what; this panel only shows what it answers.
class AccessRequestsPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Mode
    {
        Mine,
        Inbox,
    };
    // `reason`: asks the person for a reason (tests answer it); empty optional: cancelled.
    using ReasonPrompt = std::function<std::optional<QString>(QWidget *parent, const QString &title,
                                                              const QString &label, bool required)>;
    AccessRequestsPanel(workspace::AccessDesk &desk, Mode mode, QWidget *parent = nullptr);

    void refresh();
    void setReasonPrompt(ReasonPrompt prompt) { m_prompt = std::move(prompt); }
    // Acts on the selected request (the buttons and keys do).
    bool decideSelected(Verdict verdict);
    bool withdrawSelected();

    QTableWidget *table() const { return m_table; }
    QTextBrowser *details() const { return m_details; }
    QLabel *messageLabel() const { return m_message; }
    const QList<AccessRequest> &requests() const { return m_requests; }

Q_SIGNALS:
    // A step changed something (a grant may have been issued).
    void changed();

private:
    void showSelected();
    std::optional<AccessRequest> selected() const;
    bool ensureConnected();

    workspace::AccessDesk &m_desk;
    Mode m_mode;
    ReasonPrompt m_prompt;
    QList<AccessRequest> m_requests;
    QTableWidget *m_table = nullptr;
    QTextBrowser *m_details = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_connect = nullptr;
};

// Display texts shared by the access screens.
QString requestStatusText(RequestStatus status);
QString requestStageText(const AccessRequest &request);

} // namespace mdp::access::ui
