#include "DoneWizardPage.h"

#include "Ui.h"
#include "mdp/shell/Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace mdp::shell {

DoneWizardPage::DoneWizardPage(QWidget *parent)
    : QWizardPage(parent)
    , m_text(ui::makeLabel(QString(), QStringLiteral("factValue"), this))
{
    setTitle(ui::headingHtml(tr("Workspace created")));
    setSubTitle(tr("The encrypted workspace is ready."));
    setFinalPage(true);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(14);
    auto *row = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(Theme::icon(QStringLiteral("check-circle"), Theme::good()).pixmap(40, 40));
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addWidget(m_text, 1);
    layout->addLayout(row);
    layout->addStretch();
    layout->addWidget(ui::makeLabel(tr("Next steps: create an account for each person who uses this "
                                       "workstation (Accounts page) and check the keys (Keys page)."),
                                    QStringLiteral("muted"), this));
}

void DoneWizardPage::initializePage()
{
    m_text->setText(tr("Sign in as %1 with the password you just chose.")
                        .arg(field(QStringLiteral("adminName")).toString()));
}

} // namespace mdp::shell
