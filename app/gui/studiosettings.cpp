#include "app/gui/studiosettings.h"

#include "app/gui/methodpanel.h"
#include "app/gui/probepanel.h"
#include "app/gui/trainingpanel.h"

#include "engine/core/exception.h"
#include "widgets/comparisongrid.h"
#include "widgets/defocuscontrol.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QSettings>

namespace latentlens::app {

StudioSettings::StudioSettings(QMainWindow* window, ProbePanel* probe, MethodPanel* methods,
    widgets::ComparisonGrid* grid, TrainingPanel* training, QString truthKey)
    : mWindow(window),
      mProbe(probe),
      mMethods(methods),
      mGrid(grid),
      mTraining(training),
      mTruthKey(std::move(truthKey))
{ }

void StudioSettings::restore() const
{
    QSettings settings;
    mWindow->restoreGeometry(settings.value("mainWindow/geometry").toByteArray());
    if (!mWindow->restoreState(settings.value("mainWindow/state").toByteArray())) {
        mWindow->resize(1500, 950);
        QList<QDockWidget*> sides, bottom;
        for (QDockWidget* dock : mWindow->findChildren<QDockWidget*>())
            (mWindow->dockWidgetArea(dock) == Qt::BottomDockWidgetArea ? bottom : sides)
                .push_back(dock);
        mWindow->resizeDocks(sides, QList<int>(sides.size(), 330), Qt::Horizontal);
        mWindow->resizeDocks(bottom, QList<int>(bottom.size(), 190), Qt::Vertical);
    }
    ProbeSettings probe = mProbe->settings();
    settings.beginGroup("probe");
    probe.optics.energyKeV = settings.value("energyKeV", probe.optics.energyKeV).toDouble();
    probe.optics.numericalAperture
        = settings.value("numericalAperture", probe.optics.numericalAperture).toDouble();
    probe.optics.centralStop = settings.value("centralStop", probe.optics.centralStop).toDouble();
    probe.optics.diameter = settings.value("diameter", probe.optics.diameter).toDouble();
    probe.optics.pixelSize = settings.value("pixelSize", probe.optics.pixelSize).toDouble();
    probe.optics.gridSize
        = settings.value("gridSize", qulonglong(probe.optics.gridSize)).toULongLong();
    probe.kernelSize = settings.value("kernelSize", qulonglong(probe.kernelSize)).toULongLong();
    probe.supportFraction = settings.value("support", probe.supportFraction).toDouble();
    const double defocus = settings.value("defocus", 7.0).toDouble();
    mProbe->setLogScale(settings.value("logScale", false).toBool());
    settings.endGroup();
    try {
        probe.optics.validate();
    } catch (const engine::Exception&) {
        probe = ProbeSettings {}; // stored settings no longer valid: start from the defaults
    }
    mProbe->setSettings(probe);
    mProbe->defocusControl()->setValue(defocus);

    MethodSettings methods;
    settings.beginGroup("methods");
    methods.wiener.nsr = settings.value("wienerNsr", -1.0).toDouble();
    methods.rl.iterations = settings.value("rlIterations", 0).toInt();
    methods.rl.maxIterations = settings.value("rlMaxIterations", 150).toInt();
    methods.rl.tv = settings.value("rlTv", -1.0).toDouble();
    methods.rl.accelerate = settings.value("rlAccelerate", true).toBool();
    methods.hl.alpha = settings.value("hlAlpha", 2.0 / 3.0).toDouble();
    methods.hl.lambda = settings.value("hlLambda", -1.0).toDouble();
    methods.modelPath = settings.value("model").toString();
    methods.networkViews = settings.value("networkViews", 0).toInt();
    settings.endGroup();
    mMethods->setSettings(methods);

    settings.beginGroup("grid");
    mGrid->setColourMap(widgets::ColourMap(settings.value("colourMap", 0).toInt()));
    mGrid->setContrast(widgets::ComparisonGrid::Contrast(settings.value("contrast", 0).toInt()));
    if (settings.contains("shown")) {
        const QStringList shown = settings.value("shown").toStringList();
        for (const QString& key : mGrid->panelKeys())
            if (key != mTruthKey)
                mGrid->setPanelShown(key, shown.contains(key));
    }
    settings.endGroup();
    mTraining->setDataSources(settings.value("training/data").toStringList());
    if (settings.contains("training/output"))
        mTraining->setOutput(settings.value("training/output").toString());
}

void StudioSettings::save() const
{
    QSettings settings;
    settings.setValue("mainWindow/geometry", mWindow->saveGeometry());
    settings.setValue("mainWindow/state", mWindow->saveState());
    const ProbeSettings probe = mProbe->settings();
    settings.beginGroup("probe");
    settings.setValue("energyKeV", probe.optics.energyKeV);
    settings.setValue("numericalAperture", probe.optics.numericalAperture);
    settings.setValue("centralStop", probe.optics.centralStop);
    settings.setValue("diameter", probe.optics.diameter);
    settings.setValue("pixelSize", probe.optics.pixelSize);
    settings.setValue("gridSize", qulonglong(probe.optics.gridSize));
    settings.setValue("kernelSize", qulonglong(probe.kernelSize));
    settings.setValue("support", probe.supportFraction);
    settings.setValue("defocus", mProbe->defocusControl()->value());
    settings.setValue("logScale", mProbe->logScale());
    settings.endGroup();
    const MethodSettings methods = mMethods->settings();
    settings.beginGroup("methods");
    settings.setValue("wienerNsr", methods.wiener.nsr);
    settings.setValue("rlIterations", methods.rl.iterations);
    settings.setValue("rlMaxIterations", methods.rl.maxIterations);
    settings.setValue("rlTv", methods.rl.tv);
    settings.setValue("rlAccelerate", methods.rl.accelerate);
    settings.setValue("hlAlpha", methods.hl.alpha);
    settings.setValue("hlLambda", methods.hl.lambda);
    settings.setValue("model", methods.modelPath);
    settings.setValue("networkViews", methods.networkViews);
    settings.endGroup();
    settings.beginGroup("grid");
    settings.setValue("colourMap", int(mGrid->colourMap()));
    settings.setValue("contrast", int(mGrid->contrast()));
    settings.setValue("shown", mGrid->shownPanels());
    settings.endGroup();
    settings.setValue("training/output", mTraining->output());
}

} // namespace latentlens::app
