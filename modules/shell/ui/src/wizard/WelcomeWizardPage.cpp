#include "WelcomeWizardPage.h"

#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace mdp::shell {

WelcomeWizardPage::WelcomeWizardPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(workbench::headingHtml(tr("Welcome to MDP")));
    setSubTitle(tr("This assistant sets up the encrypted workspace of this workstation. It takes about a "
                   "minute."));

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(14);
    layout->addWidget(workbench::makeLabel(
        tr("MDP keeps research data of your cohort in a workspace: an encrypted database, an encrypted "
           "file store and a tamper-evident audit log in one folder. Nothing is written to disk "
           "unencrypted."),
        QStringLiteral("factValue"), this));

    auto *card = workbench::makeCard(this);
    auto *steps = new QGridLayout(card);
    steps->setContentsMargins(18, 16, 18, 16);
    steps->setHorizontalSpacing(14);
    steps->setVerticalSpacing(14);
    const struct
    {
        const char *icon;
        QString text;
    } items[] = {
        {"folder", tr("Choose the folder that will hold the workspace.")},
        {"keys", tr("Choose the encryption algorithm: SM4 (national standard) or AES-256.")},
        {"user", tr("Create the first system administrator account; its own password opens the workspace.")},
        {"shield-lock", tr("Keep the recovery key shown at the end somewhere safe and offline.")},
    };
    int row = 0;
    for (const auto &item : items) {
        auto *icon = new QLabel(card);
        icon->setPixmap(workbench::Theme::icon(QString::fromLatin1(item.icon), workbench::Theme::accent())
                            .pixmap(22, 22));
        steps->addWidget(icon, row, 0, Qt::AlignTop);
        steps->addWidget(workbench::makeLabel(item.text, QStringLiteral("factValue"), card), row, 1);
        ++row;
    }
    steps->setColumnStretch(1, 1);
    layout->addWidget(card);
    layout->addStretch();
    layout->addWidget(
        workbench::makeLabel(tr("There is no shared workspace passphrase: every person signs in "
                                "with their own account and their own password."),
                             QStringLiteral("muted"), this));
}

} // namespace mdp::shell
