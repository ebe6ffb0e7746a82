#pragma once

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QTableWidget;
class QTextBrowser;

namespace mdp::workspace {
class Workspace;
}

namespace mdp::audit::ui {

// The report as HTML in the interface's language: scope, how it was made, each finding with its risk,
// and what to do (the texts are chosen by area and risk; the signed report holds only facts).
QString auditReportHtml(const QJsonObject &report, const QString &sm3, bool signatureHolds);
// The same as a PDF (A4); false when the file cannot be written.
bool writeAuditReportPdf(const QJsonObject &report, const QString &sm3, bool signatureHolds,
                         const QString &path);

// Quarterly audit reports (issue 13, R-7.4.2): the history of every report made here with its
// signature checked, a report for a chosen quarter generated, shown, and saved as PDF.
class AuditReportsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AuditReportsDialog(workspace::Workspace &workspace, QWidget *parent = nullptr);

    bool generate(const QString &period);
    bool savePdf(const QString &path);
    int reportCount() const;
    QString shownHtml() const;

private:
    void reload();
    void showSelected();

    workspace::Workspace &m_workspace;
    QComboBox *m_quarter;
    QTableWidget *m_history;
    QTextBrowser *m_view;
    QLabel *m_message;
    QList<QJsonObject> m_documents;
    QStringList m_sm3;
    QList<bool> m_holds;
};

} // namespace mdp::audit::ui
