#include "AccessRequestsPanel.h"

#include "mdp/foundation/SecureBytes.h"
#include "mdp/policy/Classification.h"
#include "mdp/workbench/Widgets.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace mdp::access::ui {

QString requestStatusText(RequestStatus status)
{
    switch (status) {
    case RequestStatus::EthicsReview:
        return AccessRequestsPanel::tr("Ethics review");
    case RequestStatus::Approval:
        return AccessRequestsPanel::tr("Approval");
    case RequestStatus::NeedsInformation:
        return AccessRequestsPanel::tr("More information asked");
    case RequestStatus::Approved:
        return AccessRequestsPanel::tr("Approved");
    case RequestStatus::Rejected:
        return AccessRequestsPanel::tr("Rejected");
    case RequestStatus::Withdrawn:
        return AccessRequestsPanel::tr("Withdrawn");
    }
    return {};
}

QString requestStageText(const AccessRequest &request)
{
    if (request.status == RequestStatus::Approval)
        return AccessRequestsPanel::tr("Approval, step %1").arg(request.step + 1);
    return requestStatusText(request.status);
}

namespace {

std::optional<QString> askReason(QWidget *parent, const QString &title, const QString &label, bool required)
{
    for (;;) {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(parent, title, label, QString(), &ok);
        if (!ok)
            return std::nullopt;
        if (!required || !text.trimmed().isEmpty())
            return text.trimmed();
    }
}

QString scopeHtml(const Scope &scope)
{
    QStringList parts;
    parts << AccessRequestsPanel::tr("Project: %1").arg(scope.project.toHtmlEscaped());
    parts
        << AccessRequestsPanel::tr("Up to: %1").arg(policy::levelDisplayName(scope.maxLevel).toHtmlEscaped());
    QStringList categories;
    for (policy::Category c : scope.categories)
        categories << policy::categoryDisplayName(c);
    parts << AccessRequestsPanel::tr("Data: %1")
                 .arg(categories.isEmpty() ? AccessRequestsPanel::tr("all categories")
                                           : categories.join(QStringLiteral(", ")).toHtmlEscaped());
    if (!scope.patients.isEmpty())
        parts << AccessRequestsPanel::tr("Patients (%1): %2")
                     .arg(scope.patients.size())
                     .arg(scope.patients.join(QStringLiteral(", ")).toHtmlEscaped());
    else if (!scope.cohort.isEmpty())
        parts << AccessRequestsPanel::tr("Cohort: %1").arg(scope.cohort.toHtmlEscaped());
    else
        parts << AccessRequestsPanel::tr("Patients: the whole project");
    parts << (scope.aggregateOnly   ? AccessRequestsPanel::tr("Counts only")
              : scope.exportAllowed ? AccessRequestsPanel::tr("Rows and a de-identified export")
                                    : AccessRequestsPanel::tr("Rows, de-identified, no export"));
    return parts.join(QStringLiteral("<br>"));
}

QString requestHtml(const AccessRequest &r)
{
    QString html =
        QStringLiteral("<h3>%1 · %2</h3>").arg(r.number.toHtmlEscaped(), requestStageText(r).toHtmlEscaped());
    html +=
        AccessRequestsPanel::tr("<p><b>Requester:</b> %1 · <b>submitted</b> %2 · <b>duration</b> %3 days · "
                                "<b>agreement</b> %4</p>")
            .arg(r.requester.toHtmlEscaped(), workbench::formatDateTime(r.submitted))
            .arg(r.durationDays)
            .arg(r.agreementVersion.toHtmlEscaped());
    html += AccessRequestsPanel::tr("<p><b>Purpose</b><br>%1</p>").arg(r.purpose.toHtmlEscaped());
    html += AccessRequestsPanel::tr("<p><b>Scope</b><br>%1</p>").arg(scopeHtml(r.scope));
    if (!r.decisions.isEmpty()) {
        html += AccessRequestsPanel::tr("<p><b>Decisions</b></p><ul>");
        for (const StepDecision &d : r.decisions) {
            const QString step = d.step < 0 ? AccessRequestsPanel::tr("ethics")
                                            : AccessRequestsPanel::tr("step %1").arg(d.step + 1);
            const QString verdict = d.verdict == Verdict::Approve ? AccessRequestsPanel::tr("approved")
                                    : d.verdict == Verdict::Reject
                                        ? AccessRequestsPanel::tr("rejected")
                                        : AccessRequestsPanel::tr("asked for more");
            html +=
                QStringLiteral("<li>%1 · %2 (%3) %4 %5%6</li>")
                    .arg(workbench::formatDateTime(d.at), step, d.by.toHtmlEscaped(), d.role.toHtmlEscaped(),
                         verdict,
                         d.reason.isEmpty() ? QString() : QStringLiteral(": ") + d.reason.toHtmlEscaped());
        }
        html += QStringLiteral("</ul>");
    }
    return html;
}

} // namespace

AccessRequestsPanel::AccessRequestsPanel(workspace::AccessDesk &desk, Mode mode, QWidget *parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_mode(mode)
    , m_prompt(&askReason)
{
    setObjectName(mode == Mode::Mine ? QStringLiteral("myRequestsPanel")
                                     : QStringLiteral("accessInboxPanel"));
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    auto *reload = new QPushButton(tr("Refresh"), this);
    reload->setObjectName(QStringLiteral("refreshRequestsButton"));
    reload->setToolTip(tr("Read the list from the site server again (F5)"));
    connect(reload, &QPushButton::clicked, this, &AccessRequestsPanel::refresh);
    bar->addWidget(reload);
    m_connect = new QPushButton(tr("Sign in at the server…"), this);
    m_connect->setObjectName(QStringLiteral("connectServerButton"));
    connect(m_connect, &QPushButton::clicked, this, [this] {
        if (ensureConnected())
            refresh();
    });
    bar->addWidget(m_connect);
    if (mode == Mode::Mine) {
        auto *withdraw = new QPushButton(tr("Withdraw"), this);
        withdraw->setObjectName(QStringLiteral("withdrawRequestButton"));
        connect(withdraw, &QPushButton::clicked, this, &AccessRequestsPanel::withdrawSelected);
        bar->addWidget(withdraw);
    } else {
        const std::array<std::tuple<QString, QString, Verdict, QKeySequence>, 3> actions{{
            {QStringLiteral("approveRequestButton"), tr("&Approve (A)"), Verdict::Approve,
             QKeySequence(Qt::Key_A)},
            {QStringLiteral("rejectRequestButton"), tr("&Reject (R)"), Verdict::Reject,
             QKeySequence(Qt::Key_R)},
            {QStringLiteral("moreInformationButton"), tr("&More information (M)"), Verdict::MoreInformation,
             QKeySequence(Qt::Key_M)},
        }};
        for (const auto &[name, text, verdict, key] : actions) {
            auto *button = new QPushButton(text, this);
            button->setObjectName(name);
            const Verdict v = verdict;
            connect(button, &QPushButton::clicked, this, [this, v] { decideSelected(v); });
            auto *shortcut = new QShortcut(key, this);
            shortcut->setContext(Qt::WidgetWithChildrenShortcut);
            connect(shortcut, &QShortcut::activated, this, [this, v] { decideSelected(v); });
            bar->addWidget(button);
        }
    }
    bar->addStretch(1);
    layout->addLayout(bar);
    auto *f5 = new QShortcut(QKeySequence::Refresh, this);
    f5->setContext(Qt::WidgetWithChildrenShortcut);
    connect(f5, &QShortcut::activated, this, &AccessRequestsPanel::refresh);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_table = new QTableWidget(0, 6, split);
    m_table->setObjectName(mode == Mode::Mine ? QStringLiteral("myRequestsTable")
                                              : QStringLiteral("inboxTable"));
    m_table->setHorizontalHeaderLabels({tr("Request"), mode == Mode::Mine ? tr("Project") : tr("Requester"),
                                        tr("Up to level"), tr("Stage"), tr("Submitted"), tr("Updated")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AccessRequestsPanel::showSelected);
    m_details = new QTextBrowser(split);
    m_details->setObjectName(QStringLiteral("requestDetails"));
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    m_message = workbench::makeMessageLabel(this);
    layout->addWidget(m_message);
}

bool AccessRequestsPanel::ensureConnected()
{
    if (m_desk.connected())
        return true;
    bool ok = false;
    const QString password = QInputDialog::getText(this, tr("Sign in at the site server"),
                                                   tr("Your password:"), QLineEdit::Password, QString(), &ok);
    if (!ok || password.isEmpty())
        return false;
    const QString code = QInputDialog::getText(this, tr("Sign in at the site server"),
                                               tr("Verification code (empty when your account has none):"),
                                               QLineEdit::Normal, QString(), &ok);
    auto connected = m_desk.connect(SecureBytes(password.toUtf8()), code.trimmed());
    if (!connected) {
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("The site server refused the sign-in: %1").arg(connected.error().message));
        return false;
    }
    return true;
}

void AccessRequestsPanel::refresh()
{
    m_connect->setVisible(!m_desk.connected());
    if (!m_desk.connected()) {
        m_table->setRowCount(0);
        m_requests.clear();
        m_details->setHtml(tr("<p>Requests live at the site server. Sign in there to see them.</p>"));
        return;
    }
    QList<AccessRequest> list;
    QString failure;
    const QList<workspace::AccessDesk::View> views =
        m_mode == Mode::Mine ? QList<workspace::AccessDesk::View>{workspace::AccessDesk::View::Mine}
                             : QList<workspace::AccessDesk::View>{workspace::AccessDesk::View::Ethics,
                                                                  workspace::AccessDesk::View::Approvals};
    for (workspace::AccessDesk::View view : views) {
        auto got = m_desk.requests(view);
        if (got)
            list += *got;
        else if (got.error().code != Error::Code::PermissionDenied) // not an ethics reviewer: no ethics inbox
            failure = got.error().message;
    }
    const QString current = selected() ? selected()->number : QString();
    m_requests = list;
    m_table->setRowCount(0);
    int reselect = 0;
    for (const AccessRequest &r : std::as_const(m_requests)) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList cells{r.number,
                                m_mode == Mode::Mine ? r.scope.project : r.requester,
                                QString::number(r.scope.maxLevel),
                                requestStageText(r),
                                workbench::formatDateTime(r.submitted),
                                workbench::formatDateTime(r.updated)};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells.at(c)));
        if (r.number == current)
            reselect = row;
    }
    if (!failure.isEmpty())
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("The requests could not be read: %1").arg(failure));
    if (m_requests.isEmpty()) {
        m_details->setHtml(m_mode == Mode::Mine
                               ? tr("<p>You have made no access request. Where access is refused, the page "
                                    "offers one.</p>")
                               : tr("<p>Nothing waits for your decision.</p>"));
        return;
    }
    m_table->selectRow(reselect);
    showSelected();
}

std::optional<AccessRequest> AccessRequestsPanel::selected() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_requests.size())
        return std::nullopt;
    return m_requests.at(row);
}

void AccessRequestsPanel::showSelected()
{
    if (auto r = selected())
        m_details->setHtml(requestHtml(*r));
}

bool AccessRequestsPanel::decideSelected(Verdict verdict)
{
    const auto request = selected();
    if (m_mode != Mode::Inbox || !request)
        return false;
    const QString title = request->number;
    std::optional<QString> reason;
    switch (verdict) {
    case Verdict::Approve:
        reason = m_prompt(this, title,
                          request->status == RequestStatus::EthicsReview
                              ? tr("Pass the ethics review of %1. A note (optional):").arg(request->number)
                              : tr("Approve %1. A note (optional):").arg(request->number),
                          false);
        break;
    case Verdict::Reject:
        reason = m_prompt(this, title,
                          tr("Reject %1: the reasons the requester will read:").arg(request->number), true);
        break;
    case Verdict::MoreInformation:
        reason = m_prompt(this, title, tr("What should the requester add or change?"), true);
        break;
    }
    if (!reason)
        return false;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto decided = m_desk.decide(request->number, verdict, *reason, request->revision);
    QApplication::restoreOverrideCursor();
    if (!decided) {
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("%1 was not decided: %2").arg(request->number, decided.error().message));
        refresh();
        return false;
    }
    workbench::showMessage(m_message, workbench::Severity::Success,
                           tr("%1 is now: %2").arg(decided->number, requestStageText(*decided)));
    refresh();
    Q_EMIT changed();
    return true;
}

bool AccessRequestsPanel::withdrawSelected()
{
    const auto request = selected();
    if (m_mode != Mode::Mine || !request)
        return false;
    auto withdrawn = m_desk.withdraw(request->number, request->revision);
    if (!withdrawn) {
        workbench::showMessage(
            m_message, workbench::Severity::Error,
            tr("%1 was not withdrawn: %2").arg(request->number, withdrawn.error().message));
        return false;
    }
    workbench::showMessage(m_message, workbench::Severity::Success,
                           tr("%1 was withdrawn.").arg(request->number));
    refresh();
    Q_EMIT changed();
    return true;
}

} // namespace mdp::access::ui
