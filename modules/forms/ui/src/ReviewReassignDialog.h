#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace mdp::forms::ui {

// A data manager hands an open review task to another reviewer (R-6.2.3a): the reviewers who may
// take it (active, not the submitter, not the current reviewer) and a reason for the record.
class ReviewReassignDialog : public QDialog
{
    Q_OBJECT
public:
    // `candidates`: account id and display name of each reviewer offered.
    ReviewReassignDialog(const QString &subject, const QString &currentReviewer,
                         const QList<QPair<QString, QString>> &candidates, QWidget *parent = nullptr);

    QString reviewerId() const;
    QString reason() const;
    QPushButton *okButton() const { return m_ok; }

private:
    void updateOk();

    QComboBox *m_reviewer;
    QLineEdit *m_reason;
    QPushButton *m_ok;
};

} // namespace mdp::forms::ui
