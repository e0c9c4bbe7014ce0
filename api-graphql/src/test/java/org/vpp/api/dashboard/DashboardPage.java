package org.vpp.api.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard in a headless browser, as a person uses it: log in, pick a view, fill a form, look. */
public final class DashboardPage implements AutoCloseable {

    /** Where the screenshots go: test artifacts of the module's build. */
    static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    public final ChromeDriver driver;
    private final String base;

    public DashboardPage(int port) {
        this.driver = Chromium.start();
        this.base = "http://localhost:" + port;
    }

    public DashboardPage open() {
        driver.get(base + "/");
        return this;
    }

    /** Pastes the token into the login box, as the login box tells a person to, and waits for the dashboard. */
    public DashboardPage logIn(String token) {
        WebElement box = visible(By.id("token"));
        box.sendKeys(token);
        driver.findElement(By.cssSelector("#login button[type=submit]")).click();
        visible(By.id("who"));
        return this;
    }

    public DashboardPage view(String name) {
        driver.findElement(By.id("tab-" + name)).click();
        until(d -> d.findElement(By.id("content")).getAttribute("data-view").equals(name), "the " + name + " view");
        return this;
    }

    public WebElement visible(By by) {
        return wait(PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public <T> T until(Function<WebDriver, T> condition, String what) {
        return wait(PATIENCE).withMessage(what).until(condition);
    }

    private WebDriverWait wait(Duration patience) {
        WebDriverWait wait = new WebDriverWait(driver, patience, Duration.ofMillis(100));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
        return wait;
    }

    /** The row of a node in the fleet tree. */
    public By node(String id) {
        return By.cssSelector("#fleet-tree tr[data-node-id='" + id + "']");
    }

    /** Opens a group of the fleet tree (a no-op when it is open). */
    public void openNode(String id) {
        WebElement toggle = visible(node(id)).findElement(By.cssSelector("button.toggle"));
        if (!"true".equals(toggle.getAttribute("aria-expanded"))) toggle.click();
    }

    WebElement form(String action) {
        return visible(By.cssSelector("form[data-action='" + action + "']"));
    }

    static WebElement control(WebElement form, String field) {
        return form.findElement(By.cssSelector("[data-field='" + field + "']"));
    }

    static void type(WebElement form, String field, String text) {
        WebElement control = control(form, field);
        control.clear();
        control.sendKeys(text);
    }

    static void choose(WebElement form, String field, String value) {
        new Select(control(form, field)).selectByValue(value);
    }

    /** The error shown next to a field, once there is one. */
    String errorNextTo(WebElement form, String field) {
        By slot = By.cssSelector("[data-error-for='" + field + "']");
        return until(d -> {
            String text = form.findElement(slot).getText();
            return text.isBlank() ? null : text;
        }, "an error next to " + field);
    }

    /** The forms on the page that a person can see. */
    List<WebElement> visibleForms() {
        return driver.findElements(By.tagName("form")).stream().filter(WebElement::isDisplayed).toList();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A screenshot of the viewport, kept as a test artifact; returns its path. */
    public Path shot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            return Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps a screenshot as the README's picture: written into docs/img of the working copy the test runs in (the
     * directory holding {@code vpp}); nothing happens outside a working copy.
     */
    public static void keepForTheReadme(Path screenshot) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("vpp"))) dir = dir.getParent();
        if (dir == null) return;
        try {
            Path img = Files.createDirectories(dir.resolve("docs").resolve("img"));
            Files.write(img.resolve("dashboard.png"), Files.readAllBytes(screenshot));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the page wrote to the console at level SEVERE: uncaught errors, failed loads. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
