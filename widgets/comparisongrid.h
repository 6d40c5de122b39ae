#pragma once

#include "widgets/colourmap.h"
#include "widgets/imageview.h"

#include <QLineF>
#include <QMap>
#include <QStringList>
#include <QWidget>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QProgressBar;
class QToolButton;

namespace latentlens::widgets {

/// The studio's comparison grid: one titled ImageView per method (input, deblurs, ground
/// truth), laid out in a grid of the panels the user chose. Zoom and pan move all panels
/// together; the pixel under the cursor is marked in every panel and its value in each is
/// listed below the grid; contrast is automatic per panel (percentiles), shared with the
/// input panel, or manual; one colour map for all. Shift-dragging draws a line along which
/// profile() samples every panel.
class ComparisonGrid : public QWidget
{
    Q_OBJECT

public:
    enum class Contrast { AutoEach, LikeFirst, Manual };

    explicit ComparisonGrid(QWidget* parent = nullptr);

    /// Adds a panel (shown) under `key`; the first panel added is the reference for
    /// Contrast::LikeFirst.
    void addPanel(const QString& key, const QString& title);
    QStringList panelKeys() const { return mOrder; }
    bool hasPanel(const QString& key) const { return mPanels.contains(key); }

    void setPanelTitle(const QString& key, const QString& title);
    QString panelTitle(const QString& key) const;
    /// Shows `values` (width x height, x fastest) in the panel, keeping the shared view.
    void setPanelImage(const QString& key, int width, int height, std::vector<float> values);
    /// Empties the panel and shows `message` in it (why there is no result, or that one is
    /// being computed).
    void clearPanel(const QString& key, const QString& message);
    /// The line under the title: parameters, time, metrics.
    void setPanelCaption(const QString& key, const QString& caption);
    QString panelCaption(const QString& key) const;
    /// Progress of the panel's computation in percent; below 0 hides the bar, 0-100 shows it
    /// (the panel's old image stays until the new one arrives).
    void setPanelProgress(const QString& key, int percent);
    int panelProgress(const QString& key) const;

    void setPanelShown(const QString& key, bool shown);
    bool panelShown(const QString& key) const;
    QStringList shownPanels() const;

    ImageView* view(const QString& key) const;

    void setContrast(Contrast mode);
    Contrast contrast() const { return mContrast; }
    /// The range used by Contrast::Manual.
    void setManualRange(double low, double high);
    void setColourMap(ColourMap map);
    ColourMap colourMap() const { return mColourMap; }

    /// The profile line (image coordinates; null when none).
    void setProfileLine(const QLineF& line);
    QLineF profileLine() const { return mLine; }
    /// The panel's values along the profile line, one sample per pixel of length, bilinear;
    /// empty without a line or an image.
    std::vector<float> profile(const QString& key) const;
    /// Samples `values` along `line` (see profile()).
    static std::vector<float> sampleLine(
        const std::vector<float>& values, int width, int height, const QLineF& line);

    /// The image pixels the panels show (they share one view), clipped to the image; empty
    /// without an image.
    QRect visibleRegion() const;

    /// The text below the grid: the hovered pixel and every shown panel's value there.
    QString pixelText() const;
    /// Shows the values at pixel (x, y) below the grid and marks it in every panel.
    void showPixel(int x, int y);

    /// The shown panels with their titles and captions, as one picture (for export).
    QImage renderGrid() const;

signals:
    void profileLineChanged(const QLineF& line);
    void shownPanelsChanged(const QStringList& keys);

private:
    struct Panel
    {
        QWidget* frame = nullptr;
        QString titleText;
        QLabel* title = nullptr;
        QLabel* caption = nullptr;
        QProgressBar* progress = nullptr;
        ImageView* view = nullptr;
        std::vector<float> values;
        int width = 0;
        int height = 0;
        bool shown = true;
    };
    void relayout();
    void applyContrast();
    void followView(ImageView* source, const ImageView::ViewState& state);
    void clearPixel();

    QMap<QString, Panel> mPanels;
    QStringList mOrder;
    QGridLayout* mGrid = nullptr;
    QToolButton* mPanelsButton = nullptr;
    QComboBox* mContrastBox = nullptr;
    QDoubleSpinBox* mLowBox = nullptr;
    QDoubleSpinBox* mHighBox = nullptr;
    QComboBox* mColourBox = nullptr;
    QLabel* mPixelLabel = nullptr;
    Contrast mContrast = Contrast::AutoEach;
    ColourMap mColourMap = ColourMap::Grey;
    double mManualLow = 0.0;
    double mManualHigh = 1.0;
    QLineF mLine;
    bool mFollowing = false;
};

} // namespace latentlens::widgets
