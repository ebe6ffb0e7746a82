#include "mdp/shell/AboutDialog.h"

#include "mdp/disease/DiseasePack.h"
#include "mdp/disease/DiseasePackLoader.h"
#include "mdp/workbench/Language.h"

#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"
#include "mdp/workspace/Workspace.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace mdp::shell {

QString AboutDialog::productName()
{
    return tr("MDP Clinical Research Workstation");
}

QString AboutDialog::version()
{
    return QStringLiteral(MDP_VERSION);
}

AboutDialog::AboutDialog(const std::optional<workspace::WorkspaceInfo> &info, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About MDP"));
    setMinimumWidth(560);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 18);
    layout->setSpacing(14);

    auto *head = new QHBoxLayout;
    head->setSpacing(16);
    auto *logo = new QLabel(this);
    logo->setPixmap(workbench::Theme::appIcon().pixmap(72, 72));
    head->addWidget(logo, 0, Qt::AlignTop);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(workbench::makeLabel(productName(), QStringLiteral("pageTitle"), this));
    titles->addWidget(workbench::makeLabel(tr("Version %1").arg(version()), QStringLiteral("muted"), this));
    titles->addWidget(
        workbench::makeLabel(tr("Implements the group standard JH/CAA 008-2025, Overall Technical "
                                "Specifications for a Multimodal Disease-Oriented Data Platform."),
                             QStringLiteral("factValue"), this));
    head->addLayout(titles, 1);
    layout->addLayout(head);

    auto *card = workbench::makeCard(this);
    auto *cardBox = workbench::cardLayout(card, tr("Components"));
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(18);
    grid->setVerticalSpacing(6);
    grid->setColumnStretch(1, 1);
    workbench::addFact(grid, QStringLiteral("Qt"),
                       info && !info->qtVersion.isEmpty() ? info->qtVersion
                                                          : QString::fromLatin1(qVersion()));
    const QString unknown = tr("shown once a workspace is open");
    workbench::addFact(grid, QStringLiteral("SQLCipher"), info ? info->sqlcipherVersion : unknown);
    workbench::addFact(grid, QStringLiteral("libgcrypt"), info ? info->libgcryptVersion : unknown);
    workbench::addFact(grid, QStringLiteral("OpenSSL"), info ? info->opensslVersion : unknown);
    cardBox->addLayout(grid);
    layout->addWidget(card);

    // Disease packs: what this workstation knows of the reference case, and the plug-ins it refused
    // (another interface version, another IID, a missing symbol), so an administrator sees why.
    const disease::DiseasePackLoader &packs = disease::installedDiseasePacks();
    auto *packCard = workbench::makeCard(this);
    packCard->setObjectName(QStringLiteral("diseasePacksCard"));
    auto *packBox = workbench::cardLayout(packCard, tr("Disease packs"));
    auto *packGrid = new QGridLayout;
    packGrid->setHorizontalSpacing(18);
    packGrid->setVerticalSpacing(6);
    packGrid->setColumnStretch(1, 1);
    if (packs.packs().isEmpty())
        workbench::addFact(packGrid, tr("Installed"), tr("none: the generic platform"));
    for (const disease::LoadedPack &pack : packs.packs())
        workbench::addFact(packGrid, pack.pack->packId(), pack.pack->title(workbench::Language::current()));
    for (const disease::PackRefusal &refusal : packs.refusals()) {
        QLabel *value = workbench::addFact(packGrid, QFileInfo(refusal.file).fileName(),
                                           tr("refused: %1").arg(refusal.reason));
        value->setObjectName(QStringLiteral("refusedPack"));
        value->setWordWrap(true);
    }
    packBox->addLayout(packGrid);
    layout->addWidget(packCard);

    layout->addWidget(
        workbench::makeLabel(tr("Third-party components keep their own licences: Qt under the GNU "
                                "LGPL v3, SQLCipher under a BSD-style "
                                "licence, libgcrypt under the GNU LGPL v2.1 or later, OpenSSL under "
                                "the Apache License 2.0, Noto CJK "
                                "fonts under the SIL Open Font License 1.1."),
                             QStringLiteral("muted"), this));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

} // namespace mdp::shell
