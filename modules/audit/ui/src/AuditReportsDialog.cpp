#include "AuditReportsDialog.h"

#include "mdp/audit/AuditReport.h"
#include "mdp/workbench/Widgets.h"
#include "mdp/workspace/AuditQueries.h"
#include "mdp/workspace/AuditReports.h"
#include "mdp/workspace/Workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QPushButton>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QThread>
#include <QVBoxLayout>

namespace mdp::audit::ui {

namespace {

class ReportText
{
    Q_DECLARE_TR_FUNCTIONS(mdp::audit::ui::AuditReport)
};

QString areaTitle(const QString &area)
{
    if (area == u"privileged-actions")
        return ReportText::tr("Privileged actions (accounts, roles, keys, configuration)");
    if (area == u"failed-sign-ins")
        return ReportText::tr("Failed sign-ins");
    if (area == u"bulk-access")
        return ReportText::tr("Access to patient data (bulk access)");
    if (area == u"downloads-and-exports")
        return ReportText::tr("Downloads and exports");
    if (area == u"permission-changes")
        return ReportText::tr("Permission changes (grants, revocations, roles)");
    if (area == u"refusals")
        return ReportText::tr("Refused actions");
    if (area == u"integrity")
        return ReportText::tr("Integrity of the audit trail");
    return area;
}

QString riskText(const QString &risk)
{
    if (risk == u"high")
        return ReportText::tr("High");
    if (risk == u"medium")
        return ReportText::tr("Medium");
    if (risk == u"low")
        return ReportText::tr("Low");
    return ReportText::tr("None");
}

QString recommendation(const QString &area, const QString &risk)
{
    if (risk == u"none")
        return ReportText::tr("No action needed.");
    if (area == u"failed-sign-ins")
        return risk == u"high"
                   ? ReportText::tr(
                         "Review the bursts of failed sign-ins with the accounts' holders; consider "
                         "locking accounts that were targeted and check the workstations involved.")
                   : ReportText::tr(
                         "Confirm with the accounts' holders that the failed sign-ins were their own.");
    if (area == u"bulk-access")
        return risk == u"high"
                   ? ReportText::tr(
                         "Ask the accounts named for the purpose of the bulk or out-of-hours access and "
                         "check it against their grants.")
                   : ReportText::tr("Sample the accounts with most reads against their duties.");
    if (area == u"downloads-and-exports")
        return ReportText::tr(
            "Check each download and export against its approved request; confirm that delivered copies "
            "were destroyed when their grants ended.");
    if (area == u"privileged-actions")
        return ReportText::tr(
            "Have a second administrator review the privileged actions; confirm each against a change "
            "request.");
    if (area == u"permission-changes")
        return ReportText::tr(
            "Reconcile the permission changes with the ethics decisions and the site's register of grants.");
    if (area == u"refusals")
        return ReportText::tr("Look for accounts whose refusals repeat: training, a wrong role, or probing.");
    if (area == u"integrity")
        return ReportText::tr(
            "Treat the workstation as compromised until the gap or break is explained; keep its files as "
            "evidence.");
    return {};
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

QString auditReportHtml(const QJsonObject &report, const QString &sm3, bool signatureHolds)
{
    const QJsonObject scope = report.value(u"scope").toObject();
    // The quarter in the site's local dates (the report's bounds are UTC instants).
    const auto localDate = [](const QString &stamp, qint64 shiftMs) {
        const auto t = AuditEvent::parseTime(stamp);
        return t ? t->addSecs(8 * 3600).addMSecs(shiftMs).date().toString(Qt::ISODate) : stamp.left(10);
    };
    const QJsonObject check = report.value(u"integrity").toObject();
    const QString integrity =
        check.value(u"ok").toBool()
            ? ReportText::tr("verified: %1 events, hash chain, Merkle root and signed checkpoint")
                  .arg(check.value(u"events").toInteger())
            : ReportText::tr("NOT verified: %1").arg(check.value(u"problem").toString());
    QString html = QStringLiteral("<html><body style=\"font-family: sans-serif;\">");
    html += QStringLiteral("<h1>%1</h1>")
                .arg(escaped(ReportText::tr("Audit report %1").arg(report.value(u"period").toString())));
    html += QStringLiteral("<p>%1</p>")
                .arg(escaped(ReportText::tr("Workstation %1 · %2 to %3 · generated %4 by %5")
                                 .arg(report.value(u"node").toString(),
                                      localDate(report.value(u"from").toString(), 0),
                                      localDate(report.value(u"to").toString(), -1),
                                      report.value(u"generatedAt").toString().left(16).replace(u'T', u' '),
                                      report.value(u"generatedBy").toString())));
    html += QStringLiteral("<h2>%1</h2><p>%2</p>")
                .arg(escaped(ReportText::tr("1. Scope")),
                     escaped(ReportText::tr("%1 audit events of %2 accounts on %3 days of the quarter.")
                                 .arg(scope.value(u"events").toInteger())
                                 .arg(scope.value(u"accounts").toInteger())
                                 .arg(scope.value(u"days").toInteger())));
    html +=
        QStringLiteral("<h2>%1</h2><p>%2</p><p>%3</p>")
            .arg(escaped(ReportText::tr("2. Process")),
                 escaped(
                     ReportText::tr(
                         "Every event recorded in the period was read from the workstation's tamper-evident "
                         "audit log (the reading is itself recorded) and counted by kind; the alert rules' "
                         "findings of the period are included. The whole log was checked first: %1.")
                         .arg(integrity)),
                 escaped(ReportText::tr(
                             "This report is signed with the workstation's node key (SM2); SM3 of the signed "
                             "report: %1 (%2).")
                             .arg(sm3, signatureHolds ? ReportText::tr("signature verified")
                                                      : ReportText::tr("SIGNATURE DOES NOT VERIFY"))));
    html +=
        QStringLiteral(
            "<h2>%1</h2><table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">"
            "<tr><th align=\"left\">%2</th><th>%3</th><th>%4</th><th align=\"left\">%5</th><th>%6</th></tr>")
            .arg(escaped(ReportText::tr("3. Findings")), escaped(ReportText::tr("Area")),
                 escaped(ReportText::tr("Events")), escaped(ReportText::tr("Alerts")),
                 escaped(ReportText::tr("Accounts with most")), escaped(ReportText::tr("Risk")));
    QStringList risks;
    QStringList recommendations;
    for (const QJsonValue &value : report.value(u"findings").toArray()) {
        const QJsonObject f = value.toObject();
        const QString area = f.value(u"area").toString();
        const QString risk = f.value(u"risk").toString();
        QStringList top;
        for (const QJsonValue &t : f.value(u"top").toArray())
            top << QStringLiteral("%1 (%2)")
                       .arg(t.toObject().value(u"user").toString())
                       .arg(t.toObject().value(u"count").toInteger());
        html +=
            QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td><td>%4</td>"
                           "<td>%5</td></tr>")
                .arg(escaped(areaTitle(area)))
                .arg(f.value(u"count").toInteger())
                .arg(f.value(u"alerts").toInteger())
                .arg(escaped(top.join(QStringLiteral(", "))), escaped(riskText(risk)));
        if (risk != u"none") {
            risks << QStringLiteral("<li><b>%1</b>: %2</li>")
                         .arg(escaped(areaTitle(area)), escaped(riskText(risk)));
            recommendations << QStringLiteral("<li><b>%1</b>: %2</li>")
                                   .arg(escaped(areaTitle(area)), escaped(recommendation(area, risk)));
        }
    }
    html += QStringLiteral("</table>");
    html += QStringLiteral("<h2>%1</h2>").arg(escaped(ReportText::tr("4. Risks")));
    html += risks.isEmpty()
                ? QStringLiteral("<p>%1</p>").arg(escaped(ReportText::tr("No risk was found in the period.")))
                : QStringLiteral("<ul>%1</ul>").arg(risks.join(QString()));
    html += QStringLiteral("<h2>%1</h2>").arg(escaped(ReportText::tr("5. Recommendations")));
    html += recommendations.isEmpty()
                ? QStringLiteral("<p>%1</p>").arg(escaped(ReportText::tr("No action needed.")))
                : QStringLiteral("<ul>%1</ul>").arg(recommendations.join(QString()));
    html += QStringLiteral("</body></html>");
    return html;
}

bool writeAuditReportPdf(const QJsonObject &report, const QString &sm3, bool signatureHolds,
                         const QString &path)
{
    QPdfWriter writer(path);
    if (!writer.pageLayout().isValid())
        return false;
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
    writer.setTitle(ReportText::tr("Audit report %1").arg(report.value(u"period").toString()));
    writer.setCreator(QStringLiteral("MDP"));
    QTextDocument document;
    document.setHtml(auditReportHtml(report, sm3, signatureHolds));
    document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
    document.print(&writer);
    return QFile::exists(path);
}

AuditReportsDialog::AuditReportsDialog(workspace::Workspace &workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_quarter(new QComboBox(this))
    , m_history(new QTableWidget(this))
    , m_view(new QTextBrowser(this))
    , m_message(workbench::makeMessageLabel(this))
{
    setObjectName(QStringLiteral("auditReportsDialog"));
    setWindowTitle(tr("Audit reports"));
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    const QDateTime now = workspace.clock().now();
    for (int back = 0; back < 6; ++back)
        m_quarter->addItem(audit::quarterOf(now.addMonths(-3 * back)));
    m_quarter->setObjectName(QStringLiteral("reportQuarter"));
    auto *generateButton = workbench::makeAccentButton(tr("Generate report"), this);
    auto *save = new QPushButton(tr("Save as PDF…"), this);
    row->addWidget(new QLabel(tr("Quarter"), this));
    row->addWidget(m_quarter);
    row->addWidget(generateButton);
    row->addStretch();
    row->addWidget(save);
    layout->addLayout(row);
    layout->addWidget(m_message);
    m_history->setObjectName(QStringLiteral("reportHistory"));
    m_history->setColumnCount(4);
    m_history->setHorizontalHeaderLabels({tr("Quarter"), tr("Made"), tr("By"), tr("Signature")});
    m_history->verticalHeader()->hide();
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->setSelectionMode(QAbstractItemView::SingleSelection);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->horizontalHeader()->setStretchLastSection(true);
    m_history->setMaximumHeight(170);
    layout->addWidget(m_history);
    m_view->setObjectName(QStringLiteral("reportView"));
    layout->addWidget(m_view, 1);
    auto *close = new QPushButton(tr("Close"), this);
    auto *bottom = new QHBoxLayout;
    bottom->addStretch();
    bottom->addWidget(close);
    layout->addLayout(bottom);
    connect(generateButton, &QPushButton::clicked, this, [this] { generate(m_quarter->currentText()); });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save the report"), QStringLiteral("audit-report.pdf"), tr("PDF (*.pdf)"));
        if (!path.isEmpty())
            savePdf(path);
    });
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_history, &QTableWidget::currentCellChanged, this, &AuditReportsDialog::showSelected);
    resize(980, 760);
    reload();
}

int AuditReportsDialog::reportCount() const
{
    return int(m_documents.size());
}

QString AuditReportsDialog::shownHtml() const
{
    return m_view->toHtml();
}

void AuditReportsDialog::reload()
{
    workspace::AuditReports reports(m_workspace);
    auto history = reports.history();
    m_documents.clear();
    m_sm3.clear();
    m_holds.clear();
    m_history->setRowCount(0);
    if (!history) {
        workbench::showMessage(m_message, workbench::Severity::Error, history.error().message);
        return;
    }
    m_history->setRowCount(int(history->size()));
    for (int r = 0; r < history->size(); ++r) {
        const auto &report = history->at(r);
        m_documents.append(report.document);
        m_sm3.append(report.sm3);
        m_holds.append(report.signatureHolds);
        const QStringList cells{
            report.period, report.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
            report.createdBy, report.signatureHolds ? tr("verified") : tr("does not verify")};
        for (int c = 0; c < cells.size(); ++c)
            m_history->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    m_history->resizeColumnsToContents();
    if (!history->isEmpty())
        m_history->setCurrentCell(0, 0);
    else
        workbench::showMessage(m_message, workbench::Severity::Info,
                               tr("No report yet: choose a quarter and generate one."));
}

void AuditReportsDialog::showSelected()
{
    const int row = m_history->currentRow();
    if (row < 0 || row >= m_documents.size()) {
        m_view->clear();
        return;
    }
    m_view->setHtml(auditReportHtml(m_documents.at(row), m_sm3.at(row), m_holds.at(row)));
}

bool AuditReportsDialog::generate(const QString &period)
{
    // The whole log is checked first, off this thread: the dialog stays responsive meanwhile.
    auto verification = workspace::AuditQueries(m_workspace).verifier();
    if (!verification) {
        workbench::showMessage(m_message, workbench::Severity::Error, verification.error().message);
        return false;
    }
    workbench::showMessage(m_message, workbench::Severity::Info,
                           tr("Checking every event of the log before the report is made…"));
    setEnabled(false);
    QApplication::setOverrideCursor(Qt::BusyCursor);
    audit::AuditVerifyReport check;
    QEventLoop loop;
    QThread *worker = QThread::create([&check, verify = std::move(*verification)] { check = verify(); });
    connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    loop.exec();
    worker->wait();
    delete worker;
    QApplication::restoreOverrideCursor();
    setEnabled(true);
    workspace::AuditReports reports(m_workspace);
    auto made = reports.generate(period, check);
    if (!made) {
        workbench::showMessage(m_message, workbench::Severity::Error, made.error().message);
        return false;
    }
    reload();
    workbench::showMessage(m_message, workbench::Severity::Success,
                           tr("The report for %1 was generated, signed and kept.").arg(period));
    return true;
}

bool AuditReportsDialog::savePdf(const QString &path)
{
    const int row = m_history->currentRow();
    if (row < 0 || row >= m_documents.size())
        return false;
    const bool written = writeAuditReportPdf(m_documents.at(row), m_sm3.at(row), m_holds.at(row), path);
    workbench::showMessage(m_message, written ? workbench::Severity::Success : workbench::Severity::Error,
                           written ? tr("Saved to %1.").arg(path) : tr("%1 could not be written.").arg(path));
    return written;
}

} // namespace mdp::audit::ui
