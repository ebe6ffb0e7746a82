#pragma once

#include "mdp/audit/AuditBundle.h"
#include "mdp/audit/AuditTrail.h"
#include "mdp/crypto/Signature.h"

#include <QDate>
#include <QMap>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace mdp::audit::ui {

class AuditEventTableModel;

// Events per day as bars (the auditor's timeline of activity).
class ActivityChart : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityChart(QWidget *parent = nullptr);
    void setCounts(QMap<QDate, int> counts);
    QSize minimumSizeHint() const override { return {400, 180}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QMap<QDate, int> m_counts;
};

// The opened, verified bundle: what was checked, then the auditor's questions (by user over a range,
// by data ID, a patient's history, per-user figures, activity per day). Read-only; each question is
// written to the read log first.
class AuditBundleWindow : public QWidget
{
    Q_OBJECT
public:
    AuditBundleWindow(OpenedAuditBundle bundle, crypto::SigningKey auditorKey, QString readLogPath,
                      QWidget *parent = nullptr);
    ~AuditBundleWindow() override;

    // For tests: run a question as the buttons do.
    void showUser(const QString &user, const QDateTime &from, const QDateTime &to);
    void showData(const QString &dataId);
    void showPatient(const QString &pseudonym);
    int shownCount() const;
    QString readLogPath() const { return m_readLog; }

private:
    bool noteRead(const QString &query, const QJsonObject &parameters);
    void showRows(const QList<int> &positions);
    void showSelected();
    void showTimeline();

    OpenedAuditBundle m_bundle;
    crypto::SigningKey m_key;
    QString m_readLog;
    AuditTrail m_trail;
    AuditEventTableModel *m_model;
    QTabWidget *m_tabs;
    QComboBox *m_user;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QLineEdit *m_dataId;
    QLineEdit *m_patient;
    QLabel *m_message;
    QTableView *m_table;
    QPlainTextEdit *m_detail;
    QTableWidget *m_figures;
    QComboBox *m_timelineUser;
    ActivityChart *m_chart;
};

} // namespace mdp::audit::ui
