#include "PermissionAuditPage.h"

#include "mdp/foundation/AtomicFile.h"
#include "mdp/workbench/Widgets.h"
#include "mdp/workspace/SiteAccess.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPageSize>
#include <QPdfWriter>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextDocument>
#include <QVBoxLayout>

namespace mdp::access::ui {

namespace {

QDateTime timeOf(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QString csvCell(const QString &text)
{
    QString t = text;
    // A cell a spreadsheet would run as a formula is quoted as text.
    if (!t.isEmpty() && QStringLiteral("=+-@").contains(t.front()))
        t.prepend(QLatin1Char('\''));
    if (t.contains(QLatin1Char(',')) || t.contains(QLatin1Char('"')) || t.contains(QLatin1Char('\n')))
        t = QLatin1Char('"') + t.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return t;
}

QString tableCsv(const QTableWidget *table)
{
    QStringList lines;
    QStringList head;
    for (int c = 0; c < table->columnCount(); ++c)
        head << csvCell(table->horizontalHeaderItem(c)->text());
    lines << head.join(QLatin1Char(','));
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->isRowHidden(r))
            continue;
        QStringList cells;
        for (int c = 0; c < table->columnCount(); ++c)
            cells << csvCell(table->item(r, c) ? table->item(r, c)->text() : QString());
        lines << cells.join(QLatin1Char(','));
    }
    return lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n");
}

QString tableHtml(const QTableWidget *table)
{
    QString out =
        QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><tr>");
    for (int c = 0; c < table->columnCount(); ++c)
        out += QStringLiteral("<th>%1</th>").arg(table->horizontalHeaderItem(c)->text().toHtmlEscaped());
    out += QStringLiteral("</tr>");
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->isRowHidden(r))
            continue;
        out += QStringLiteral("<tr>");
        for (int c = 0; c < table->columnCount(); ++c)
            out += QStringLiteral("<td>%1</td>")
                       .arg(table->item(r, c) ? table->item(r, c)->text().toHtmlEscaped() : QString());
        out += QStringLiteral("</tr>");
    }
    return out + QStringLiteral("</table>");
}

QTableWidget *makeTable(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setSortingEnabled(false);
    return table;
}

} // namespace

PermissionAuditPage::PermissionAuditPage(workspace::AccessDesk &desk, const Clock &clock, Recorder record,
                                         QWidget *parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_clock(clock)
    , m_record(std::move(record))
{
    setObjectName(QStringLiteral("permissionAuditPage"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Permission audit"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    title->setFont(font);
    auto *intro = new QLabel(
        tr("Every account of the site with its roles, grants and requests, and the full history of "
           "the grants the site issued, as the site server holds them. Reading it is recorded "
           "there; each export is recorded here."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(intro);
    auto *bar = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("auditUserFilter"));
    m_filter->setPlaceholderText(tr("Filter by account"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &PermissionAuditPage::fill);
    bar->addWidget(m_filter, 1);
    auto *reload = new QPushButton(tr("Refresh"), this);
    reload->setObjectName(QStringLiteral("refreshAuditButton"));
    connect(reload, &QPushButton::clicked, this, &PermissionAuditPage::refresh);
    bar->addWidget(reload);
    auto *toCsv = new QPushButton(tr("Export CSV…"), this);
    toCsv->setObjectName(QStringLiteral("exportCsvButton"));
    connect(toCsv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export CSV"), QStringLiteral("permission-audit.csv"), tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        if (auto written = exportCsv(path); !written)
            workbench::showMessage(m_message, workbench::Severity::Error,
                                   tr("The export was not written: %1").arg(written.error().message));
        else
            workbench::showMessage(m_message, workbench::Severity::Success, tr("Exported to %1.").arg(path));
    });
    bar->addWidget(toCsv);
    auto *toPdf = new QPushButton(tr("Export PDF…"), this);
    toPdf->setObjectName(QStringLiteral("exportPdfButton"));
    connect(toPdf, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export PDF report"), QStringLiteral("permission-audit.pdf"), tr("PDF files (*.pdf)"));
        if (path.isEmpty())
            return;
        if (auto written = exportPdf(path); !written)
            workbench::showMessage(m_message, workbench::Severity::Error,
                                   tr("The report was not written: %1").arg(written.error().message));
        else
            workbench::showMessage(m_message, workbench::Severity::Success, tr("Exported to %1.").arg(path));
    });
    bar->addWidget(toPdf);
    layout->addLayout(bar);
    auto *split = new QSplitter(Qt::Vertical, this);
    m_users = makeTable({tr("Account"), tr("Name"), tr("Roles"), tr("Grants in force"), tr("Ended"),
                         tr("Revoked"), tr("Requests approved"), tr("Rejected"), tr("Open")},
                        QStringLiteral("auditUsersTable"), split);
    m_grants = makeTable({tr("Grant"), tr("Request"), tr("Account"), tr("Project"), tr("Up to level"),
                          tr("Issued"), tr("Valid until"), tr("State"), tr("Approved by")},
                         QStringLiteral("auditGrantsTable"), split);
    layout->addWidget(split, 1);
    m_message = workbench::makeMessageLabel(this);
    layout->addWidget(m_message);
}

void PermissionAuditPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loaded)
        refresh();
}

bool PermissionAuditPage::refresh()
{
    if (!m_desk.connected()) {
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("The permission audit is read from the site server: sign in there first."));
        return false;
    }
    auto audit = m_desk.permissionAudit();
    if (!audit) {
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("The permission audit could not be read: %1").arg(audit.error().message));
        return false;
    }
    m_audit = *audit;
    m_loaded = true;
    fill();
    workbench::showMessage(
        m_message, workbench::Severity::Info,
        tr("%n grant(s) in the site's history.", nullptr, int(m_audit.value(u"grants").toArray().size())));
    return true;
}

void PermissionAuditPage::fill()
{
    const QString filter = m_filter->text().trimmed();
    const QDateTime now = m_clock.now();
    struct Counts
    {
        int inForce = 0, ended = 0, revoked = 0;
    };
    QMap<QString, Counts> perUser;
    m_grants->setRowCount(0);
    for (const QJsonValue value : m_audit.value(u"grants").toArray()) {
        const QJsonObject g = value.toObject();
        const QString subject = g.value(u"subject").toString();
        const QDateTime notAfter = timeOf(g.value(u"notAfter"));
        QString state;
        if (g.contains(u"revokedAt")) {
            ++perUser[subject].revoked;
            state = tr("revoked %1 by %2: %3")
                        .arg(workbench::formatDateTime(timeOf(g.value(u"revokedAt"))),
                             g.value(u"revokedBy").toString(), g.value(u"revocationReason").toString());
        } else if (notAfter <= now) {
            ++perUser[subject].ended;
            state = tr("ended");
        } else {
            ++perUser[subject].inForce;
            state = tr("in force");
        }
        if (!filter.isEmpty() && !subject.contains(filter, Qt::CaseInsensitive))
            continue;
        const QJsonObject scope = g.value(u"scope").toObject();
        QStringList approvers;
        for (const QJsonValue a : g.value(u"approvers").toArray())
            approvers << a.toString();
        const QStringList cells{g.value(u"id").toString(),
                                g.value(u"request").toString(),
                                subject,
                                scope.value(u"project").toString(),
                                QString::number(scope.value(u"maxLevel").toInt()),
                                workbench::formatDateTime(timeOf(g.value(u"issued"))),
                                workbench::formatDateTime(notAfter),
                                state,
                                approvers.join(QStringLiteral(", "))};
        const int row = m_grants->rowCount();
        m_grants->insertRow(row);
        for (int c = 0; c < cells.size(); ++c)
            m_grants->setItem(row, c, new QTableWidgetItem(cells.at(c)));
    }
    const QJsonObject requests = m_audit.value(u"requests").toObject();
    m_users->setRowCount(0);
    QStringList names;
    QHash<QString, QJsonObject> accounts;
    for (const QJsonValue value : m_audit.value(u"accounts").toArray()) {
        const QJsonObject a = value.toObject();
        names << a.value(u"userName").toString();
        accounts.insert(names.last(), a);
    }
    for (const QString &name : perUser.keys() + requests.keys()) {
        if (!names.contains(name))
            names << name; // a grant or request of an account no longer listed
    }
    names.sort();
    for (const QString &name : std::as_const(names)) {
        if (!filter.isEmpty() && !name.contains(filter, Qt::CaseInsensitive))
            continue;
        const QJsonObject a = accounts.value(name);
        QStringList roles;
        for (const QJsonValue r : a.value(u"roles").toArray())
            roles << r.toString();
        const QJsonObject byStatus = requests.value(name).toObject();
        const int open = byStatus.value(u"ethics-review").toInt() + byStatus.value(u"approval").toInt() +
                         byStatus.value(u"needs-information").toInt();
        const Counts c = perUser.value(name);
        const QStringList cells{name,
                                a.value(u"displayName").toString(),
                                roles.join(QStringLiteral(", ")),
                                QString::number(c.inForce),
                                QString::number(c.ended),
                                QString::number(c.revoked),
                                QString::number(byStatus.value(u"approved").toInt()),
                                QString::number(byStatus.value(u"rejected").toInt()),
                                QString::number(open)};
        const int row = m_users->rowCount();
        m_users->insertRow(row);
        for (int col = 0; col < cells.size(); ++col)
            m_users->setItem(row, col, new QTableWidgetItem(cells.at(col)));
    }
}

QString PermissionAuditPage::csv() const
{
    return tableCsv(m_users) + QStringLiteral("\r\n") + tableCsv(m_grants);
}

QString PermissionAuditPage::html() const
{
    return QStringLiteral("<h2>%1</h2><p>%2</p><h3>%3</h3>%4<h3>%5</h3>%6")
        .arg(tr("Permission audit").toHtmlEscaped(),
             tr("Read from the site server on %1")
                 .arg(workbench::formatDateTime(m_clock.now()))
                 .toHtmlEscaped(),
             tr("Accounts").toHtmlEscaped(), tableHtml(m_users), tr("Grant history").toHtmlEscaped(),
             tableHtml(m_grants));
}

void PermissionAuditPage::noteExport(const QString &format, const QString &path)
{
    if (!m_record)
        return;
    audit::AuditEvent event;
    event.type = QStringLiteral("access.audit-export");
    event.action = audit::AuditAction::Read;
    event.detail = {{QStringLiteral("format"), format},
                    {QStringLiteral("file"), QFileInfo(path).fileName()},
                    {QStringLiteral("accounts"), m_users->rowCount()},
                    {QStringLiteral("grants"), m_grants->rowCount()}};
    (void)m_record(std::move(event));
}

Result<void> PermissionAuditPage::exportCsv(const QString &path)
{
    if (!m_loaded)
        return makeError(Error::Code::NotFound, tr("nothing was read from the site server yet"));
    QByteArray bytes = QByteArrayLiteral("\xEF\xBB\xBF") + csv().toUtf8();
    if (auto written = writeFileAtomically(path, bytes); !written)
        return written;
    noteExport(QStringLiteral("csv"), path);
    return {};
}

Result<void> PermissionAuditPage::exportPdf(const QString &path)
{
    if (!m_loaded)
        return makeError(Error::Code::NotFound, tr("nothing was read from the site server yet"));
    QTextDocument document;
    document.setHtml(html());
    // Written beside the target and renamed over it, so a failed export leaves no half file.
    const QString partial = path + QStringLiteral(".partial");
    {
        QPdfWriter writer(partial);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Landscape);
        writer.setTitle(tr("Permission audit"));
        writer.setCreator(QStringLiteral("MDP"));
        document.print(&writer);
    }
    QFile::remove(path);
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        return makeError(Error::Code::Io, tr("%1 could not be written").arg(path));
    }
    noteExport(QStringLiteral("pdf"), path);
    return {};
}

} // namespace mdp::access::ui
