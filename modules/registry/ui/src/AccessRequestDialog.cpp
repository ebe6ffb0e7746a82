#include "AccessRequestDialog.h"

#include "mdp/workbench/Widgets.h"
#include "mdp/workspace/Workspace.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mdp::registry::ui {

namespace {

QString actionText(policy::Action action)
{
    switch (action) {
    case policy::Action::Search:
        return AccessRequestDialog::tr("Search and list patients");
    case policy::Action::Read:
        return AccessRequestDialog::tr("Open patients' records");
    case policy::Action::Write:
        return AccessRequestDialog::tr("Enter and change data");
    case policy::Action::Export:
        return AccessRequestDialog::tr("Export data");
    }
    return {};
}

} // namespace

AccessRequestDialog::AccessRequestDialog(workspace::Workspace &workspace, const policy::Decision &refusal,
                                         QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_scope(refusal.needed)
    , m_purpose(new QPlainTextEdit(this))
    , m_message(workbench::makeMessageLabel(this))
    , m_submit(nullptr)
{
    setObjectName(QStringLiteral("accessRequestDialog"));
    setWindowTitle(tr("Request access"));
    auto *layout = new QVBoxLayout(this);
    auto *why = new QLabel(refusal.explanation(), this);
    why->setObjectName(QStringLiteral("accessRefusalText"));
    why->setWordWrap(true);
    layout->addWidget(why);

    auto *form = new QFormLayout;
    form->addRow(tr("Access:"), new QLabel(actionText(m_scope.action), this));
    form->addRow(tr("Data:"), new QLabel(policy::categoryDisplayName(m_scope.category), this));
    form->addRow(tr("Security level:"), new QLabel(policy::levelDisplayName(m_scope.level), this));
    form->addRow(
        tr("Project:"),
        new QLabel(m_scope.project.isEmpty() ? tr("any project of this workspace") : m_scope.project, this));
    m_purpose->setObjectName(QStringLiteral("accessPurposeEdit"));
    m_purpose->setPlaceholderText(tr("The research question and why these data are needed (required)"));
    m_purpose->setTabChangesFocus(true);
    m_purpose->setMaximumHeight(110);
    form->addRow(tr("Purpose:"), m_purpose);
    layout->addLayout(form);

    auto *note =
        new QLabel(tr("Ethics review and the data manager approve requests; a grant is time-limited and "
                      "opens de-identified data only. Names and numbers in the purpose are removed "
                      "before it is recorded."),
                   this);
    note->setWordWrap(true);
    note->setProperty("role", QStringLiteral("muted"));
    layout->addWidget(note);
    layout->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_submit = buttons->addButton(tr("Submit request"), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("submitAccessRequestButton"));
    m_submit->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &AccessRequestDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

void AccessRequestDialog::submit()
{
    const QString purpose = m_purpose->toPlainText().trimmed();
    if (purpose.size() < 10) {
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("State the purpose in a sentence or two: reviewers decide on it."));
        m_purpose->setFocus();
        return;
    }
    auto recorded = m_workspace.requestAccess(m_scope, purpose);
    if (!recorded) {
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("The request could not be recorded: %1").arg(recorded.error().message));
        return;
    }
    accept();
}

} // namespace mdp::registry::ui
