#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace mdp::forms::ui {

// Asks a reviewer to confirm a decision on a submitted record (R-6.2.4c-d). Approving takes an
// optional comment; rejecting needs a reason the submitter will read, so OK stays disabled until
// the reason has something other than white space in it.
class ReviewDecisionDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Decision
    {
        Approve,
        Reject,
    };

    // `subject` names the record ("P-7F3K9Q · Breast cancer baseline · submission 2").
    ReviewDecisionDialog(Decision decision, const QString &subject, int nextFormalVersion,
                         QWidget *parent = nullptr);

    Decision decision() const { return m_decision; }
    // The comment (approve) or the reason (reject), trimmed.
    QString text() const;
    QPushButton *okButton() const { return m_ok; }

private:
    void updateOk();

    Decision m_decision;
    QPlainTextEdit *m_text;
    QLabel *m_hint;
    QPushButton *m_ok;
};

} // namespace mdp::forms::ui
