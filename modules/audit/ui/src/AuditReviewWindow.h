#pragma once

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace mdp::workspace {
class AuditReview;
}

namespace mdp::audit::ui {

class AuditEventTableModel;

// A workspace that failed its integrity checks, shown read-only to an auditor or a system
// administrator (issue 9 part 4): why it did not open, and its verified audit events, all of them or
// those of one user or one datum. Nothing can be changed from here; closing it ends the review.
class AuditReviewWindow : public QWidget
{
    Q_OBJECT
public:
    explicit AuditReviewWindow(std::unique_ptr<workspace::AuditReview> review, QWidget *parent = nullptr);
    ~AuditReviewWindow() override;
    AuditEventTableModel *model() const { return m_model; }

    // Everyone's events when `userName` and `dataId` are empty.
    void showEvents(const QString &userName, const QString &dataId);

private:
    void search();
    void showSelected();

    std::unique_ptr<workspace::AuditReview> m_review;
    AuditEventTableModel *m_model;
    QComboBox *m_user;
    QLineEdit *m_dataId;
    QPushButton *m_search;
    QLabel *m_message;
    QTableView *m_table;
    QPlainTextEdit *m_detail;
};

} // namespace mdp::audit::ui
