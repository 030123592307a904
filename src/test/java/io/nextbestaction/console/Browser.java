package io.nextbestaction.console;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, nothing downloaded: {@code .ci/install-chromium}
 * installs both when missing (as root; CI runs it too). Without them the test fails on CI (CI is set) and is skipped
 * elsewhere, as the re-save tests are. Each page the test sees is saved as a screenshot under target/.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path screenshots;
    private int shots;

    private Browser(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        this.screenshots = screenshots;
    }

    static Browser start() throws IOException, InterruptedException {
        return start(SCREENSHOTS);
    }

    /** A browser whose screenshots go to their own folder, emptied first. */
    static Browser start(Path screenshots) throws IOException, InterruptedException {
        installWhenMissing();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        Files.createDirectories(screenshots);
        try (var old = Files.newDirectoryStream(screenshots, "*.png")) {
            for (Path shot : old) {
                Files.delete(shot);
            }
        }
        return new Browser(new ChromeDriver(service, options), screenshots);
    }

    private static void installWhenMissing() throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            Process install = new ProcessBuilder(".ci/install-chromium").inheritIO().start();
            if (!install.waitFor(10, TimeUnit.MINUTES)) {
                install.destroyForcibly();
            }
        }
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String message = "Chromium is missing: .ci/install-chromium installs it (apt-get install -y chromium chromium-driver)";
        if (!present && System.getenv("CI") != null) {
            throw new IllegalStateException(message);
        }
        Assumptions.assumeTrue(present, message);
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** The element once its text contains the given text. */
    WebElement findWithText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return driver.findElement(By.cssSelector(css));
    }

    /** Waits until a form field's value contains the given text. */
    void waitForValue(String css, String text) {
        wait.until(ExpectedConditions.attributeContains(By.cssSelector(css), "value", text));
    }

    void waitUntilEnabled(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    }

    /** Signs out of the console (its Sign out button) when signed in: the sign-in page shows. */
    void signOut(String console) {
        open(console);
        if (!driver.getCurrentUrl().contains("sign-in")) {
            find(".who button").click();
        }
    }

    /** Signs out when signed in, then signs in as a development user (password: the name + "-dev-password"). */
    void signInAs(String console, String user) {
        signOut(console);
        find("#username").sendKeys(user);
        find("#password").sendKeys(user + "-dev-password");
        find("#sign-in").click();
        findWithText(".who", "Signed in as " + user);
    }

    /** Presses Tab, as a keyboard user does, until the element has the focus; fails when it is not reachable so. */
    void tabTo(String css) {
        WebElement target = find(css);
        for (int presses = 0; presses < 100; presses++) {
            if (target.equals(driver.switchTo().activeElement())) {
                return;
            }
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reaches " + css);
    }

    /** Types into whatever has the focus: text, or keys such as Enter. */
    void type(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** The outline the focused element shows: a keyboard user must see where they are. */
    String focusOutline() {
        return String.valueOf(driver.executeScript("const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;"));
    }

    /** Scrolls an element to the top of the window, for the next screenshot. */
    void scrollTo(String css) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", find(css));
    }

    /** Saves what the browser shows as NN-name.png in its screenshot folder. */
    Path screenshot(String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
