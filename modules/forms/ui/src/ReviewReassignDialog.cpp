#include "ReviewReassignDialog.h"

#include "mdp/workbench/Widgets.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mdp::forms::ui {

ReviewReassignDialog::ReviewReassignDialog(const QString &subject, const QString &currentReviewer,
                                           const QList<QPair<QString, QString>> &candidates, QWidget *parent)
    : QDialog(parent)
    , m_reviewer(new QComboBox(this))
    , m_reason(new QLineEdit(this))
    , m_ok(nullptr)
{
    setObjectName(QStringLiteral("reviewReassignDialog"));
    setWindowTitle(tr("Reassign review"));
    setMinimumWidth(480);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 18);
    layout->setSpacing(10);
    layout->addWidget(workbench::makeLabel(tr("Hand this review to another reviewer"),
                                           QStringLiteral("sectionTitle"), this));
    auto *subjectLabel = workbench::makeLabel(subject, QStringLiteral("factValue"), this);
    subjectLabel->setWordWrap(true);
    layout->addWidget(subjectLabel);
    layout->addWidget(
        workbench::makeLabel(tr("Both reviewers are notified; the task keeps its submission number."),
                             QStringLiteral("muted"), this));

    auto *form = new QFormLayout;
    form->setSpacing(8);
    form->addRow(tr("Current reviewer"),
                 workbench::makeLabel(currentReviewer, QStringLiteral("factValue"), this));
    m_reviewer->setObjectName(QStringLiteral("reassignReviewerCombo"));
    for (const auto &[id, name] : candidates)
        m_reviewer->addItem(name, id);
    if (candidates.isEmpty()) {
        m_reviewer->addItem(tr("No other reviewer may take this task"));
        m_reviewer->setEnabled(false);
    }
    form->addRow(tr("New reviewer"), m_reviewer);
    m_reason->setObjectName(QStringLiteral("reassignReasonEdit"));
    m_reason->setPlaceholderText(tr("e.g. reviewer on leave"));
    form->addRow(tr("Reason"), m_reason);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("reassignOkButton"));
    m_ok->setText(tr("Reassign"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_ok->isEnabled())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_reason, &QLineEdit::textChanged, this, &ReviewReassignDialog::updateOk);
    updateOk();
}

QString ReviewReassignDialog::reviewerId() const
{
    return m_reviewer->currentData().toString();
}

QString ReviewReassignDialog::reason() const
{
    return m_reason->text().trimmed();
}

void ReviewReassignDialog::updateOk()
{
    m_ok->setEnabled(!reviewerId().isEmpty() && !reason().isEmpty());
}

} // namespace mdp::forms::ui
