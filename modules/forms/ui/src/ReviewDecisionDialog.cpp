#include "ReviewDecisionDialog.h"

#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mdp::forms::ui {

ReviewDecisionDialog::ReviewDecisionDialog(Decision decision, const QString &subject, int nextFormalVersion,
                                           QWidget *parent)
    : QDialog(parent)
    , m_decision(decision)
    , m_text(new QPlainTextEdit(this))
    , m_hint(workbench::makeLabel(QString(), QStringLiteral("muted"), this))
    , m_ok(nullptr)
{
    const bool approve = decision == Decision::Approve;
    setObjectName(QStringLiteral("reviewDecisionDialog"));
    setWindowTitle(approve ? tr("Approve record") : tr("Reject record"));
    setMinimumWidth(520);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 18);
    layout->setSpacing(10);
    auto *title = workbench::makeLabel(approve ? tr("Approve and lock this record?")
                                               : tr("Return this record to its submitter?"),
                                       QStringLiteral("sectionTitle"), this);
    layout->addWidget(title);
    auto *subjectLabel = workbench::makeLabel(subject, QStringLiteral("factValue"), this);
    subjectLabel->setObjectName(QStringLiteral("reviewDecisionSubject"));
    subjectLabel->setWordWrap(true);
    layout->addWidget(subjectLabel);
    auto *explanation = workbench::makeLabel(
        approve
            ? tr("The submitted values become formal version %1 and are locked; later changes need an "
                 "amendment that is reviewed again. The submitter is notified.")
                  .arg(nextFormalVersion)
            : tr("The record goes back to its submitter as rejected, with your reason. They correct it and "
                 "submit it again; you will see what they changed."),
        QStringLiteral("muted"), this);
    explanation->setWordWrap(true);
    layout->addWidget(explanation);

    layout->addSpacing(4);
    layout->addWidget(
        workbench::makeLabel(approve ? tr("Comment (optional)") : tr("Reason for rejection (required)"),
                             QStringLiteral("factName"), this));
    m_text->setObjectName(approve ? QStringLiteral("reviewCommentEdit") : QStringLiteral("reviewReasonEdit"));
    m_text->setPlaceholderText(approve
                                   ? tr("A note for the record's history")
                                   : tr("What must be corrected, e.g. \"Total dose does not match the plan "
                                        "(50 Gy in 25 fractions)\""));
    m_text->setTabChangesFocus(true);
    m_text->setMinimumHeight(110);
    layout->addWidget(m_text, 1);
    m_hint->setObjectName(QStringLiteral("reviewDecisionHint"));
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("reviewDecisionOkButton"));
    m_ok->setText(approve ? tr("Approve") : tr("Reject"));
    if (!approve)
        m_ok->setProperty("danger", true);
    m_ok->setDefault(approve);
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_ok->isEnabled())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_text, &QPlainTextEdit::textChanged, this, &ReviewDecisionDialog::updateOk);
    updateOk();
    m_text->setFocus();
}

QString ReviewDecisionDialog::text() const
{
    return m_text->toPlainText().trimmed();
}

void ReviewDecisionDialog::updateOk()
{
    if (m_decision == Decision::Approve) {
        m_ok->setEnabled(true);
        m_hint->setText(tr("The comment is kept in the record's history and the audit log."));
        return;
    }
    const bool hasReason = !text().isEmpty();
    m_ok->setEnabled(hasReason);
    m_hint->setText(hasReason ? tr("The submitter reads this reason in their notice.")
                              : tr("A reason is required: the submitter needs to know what to correct."));
}

} // namespace mdp::forms::ui
