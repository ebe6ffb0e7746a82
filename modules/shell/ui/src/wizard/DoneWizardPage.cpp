#include "DoneWizardPage.h"

#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace mdp::shell {

DoneWizardPage::DoneWizardPage(QWidget *parent)
    : QWizardPage(parent)
    , m_text(workbench::makeLabel(QString(), QStringLiteral("factValue"), this))
{
    setTitle(workbench::headingHtml(tr("Workspace created")));
    setSubTitle(tr("The encrypted workspace is ready."));
    setFinalPage(true);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(14);
    auto *row = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(
        workbench::Theme::icon(QStringLiteral("check-circle"), workbench::Theme::good()).pixmap(40, 40));
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addWidget(m_text, 1);
    layout->addLayout(row);
    layout->addStretch();
    layout->addWidget(workbench::makeLabel(tr("Next steps: create an account for each person who uses this "
                                              "workstation (Accounts page) and check the keys (Keys page)."),
                                           QStringLiteral("muted"), this));
}

void DoneWizardPage::initializePage()
{
    m_text->setText(tr("Sign in as %1 with the password you just chose.")
                        .arg(field(QStringLiteral("adminName")).toString()));
}

} // namespace mdp::shell
